package dev.warden.moderation.semantic;

import dev.warden.policy.decision.Category;
import java.util.Objects;
import java.util.Set;

/**
 * An example prompt for training or calibrating heads.
 *
 * @param prompt the prompt
 * @param categories the categories it belongs to; empty for a harmless prompt
 */
public record LabelledPrompt(String prompt, Set<Category> categories) {

  public LabelledPrompt {
    Objects.requireNonNull(prompt, "prompt");
    categories = Set.copyOf(categories);
  }

  /** Whether the prompt is harmless (has no category). */
  public boolean benign() {
    return categories.isEmpty();
  }

  /** Keeps prompt text out of logs. */
  @Override
  public String toString() {
    return "LabelledPrompt[" + prompt.length() + " chars, " + categories + "]";
  }
}
