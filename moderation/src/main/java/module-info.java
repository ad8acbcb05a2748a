/** Warden's moderation engine: text prompts and image embeddings, and account enforcement. */
module dev.warden.moderation {
  requires transitive dev.warden.policy;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.apache.lucene.core;
  requires com.microsoft.onnxruntime;
  requires org.slf4j;
  // Text moderation: Snowball stemmers (stem rules) and OpenNLP's language detector (false friends).
  requires org.apache.lucene.analysis.common;
  requires org.apache.opennlp.tools;

  exports dev.warden.moderation;
  exports dev.warden.moderation.image;
  exports dev.warden.moderation.enforcement;
  exports dev.warden.moderation.semantic;
  // dev.warden.moderation.internal (normaliser, term automaton) is deliberately not exported: the
  // benchmarks reach it on the class path only.
}
