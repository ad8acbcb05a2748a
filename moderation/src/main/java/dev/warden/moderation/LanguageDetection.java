package dev.warden.moderation;

/**
 * When the engine runs statistical language detection (OpenNLP, about 200 microseconds a call,
 * unreliable on inputs of a word or two). A language hint on the prompt always wins.
 */
public enum LanguageDetection {
  /** Only when a language-only term matched and the language decides whether it counts. */
  WHEN_NEEDED,
  /** On every prompt, so that every decision reports a detected language. */
  ALWAYS,
  /** Never: language-only terms count only with a hint. */
  NEVER
}
