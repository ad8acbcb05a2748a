package dev.warden.moderation;

/** When a {@link TextStage} runs. */
public enum StageMode {
  /** On every prompt. */
  EVERY_PROMPT,
  /** Only on prompts the stages before it allowed (a second opinion on what the rules let pass). */
  WHEN_ALLOWED,
  /** Never. */
  OFF
}
