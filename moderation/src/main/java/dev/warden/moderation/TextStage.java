package dev.warden.moderation;

/**
 * One stage of the text pipeline. The built-in lexicon rules are a stage; a host (or a model-based
 * classifier) adds its own with {@link ModerationEngine.Builder#addStage(TextStage, StageMode)}.
 *
 * <p>Implementations must be thread-safe: the engine calls one instance from many threads. A
 * stage returns findings; the engine's policy turns the findings of all stages into the decision.
 * A stage that throws fails the request with a {@link ModerationException} naming the stage.
 */
public interface TextStage {

  /** A short name for messages and logs, such as {@code lexicon-rules}. */
  String name();

  /**
   * Inspects a prompt.
   *
   * @param prompt the prompt as the caller gave it
   * @param context the policy, earlier findings and the prompt's language
   * @return what the stage found, never null
   */
  StageResult apply(TextPrompt prompt, TextContext context);
}
