/** Warden's moderation engine: text prompts and image embeddings, and account enforcement. */
module dev.warden.moderation {
  requires transitive dev.warden.policy;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.apache.lucene.core;
  requires com.microsoft.onnxruntime;
  requires org.slf4j;

  exports dev.warden.moderation;
  exports dev.warden.moderation.image;
  exports dev.warden.moderation.enforcement;
}
