/** Warden's moderation engine: text prompts and image embeddings, and account enforcement. */
module dev.warden.moderation {
  requires transitive dev.warden.policy;

  exports dev.warden.moderation;
}
