package dev.warden.moderation;

/** Which part of a {@link TextPrompt} a match was found in. */
public enum PromptField {
  /** The prompt itself: offsets are into {@link TextPrompt#prompt()}. */
  PROMPT,
  /** The negative prompt: offsets are into {@link TextPrompt#negativePrompt()}. */
  NEGATIVE_PROMPT
}
