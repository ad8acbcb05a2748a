package dev.warden.moderation;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.Objects;

/**
 * A rule over two kinds of match: "a {@code minor} marker within 8 words of a {@code sexual} term
 * is {@code sexual/minors}". Names are marker names or category ids (a category id also covers
 * its sub-categories). Prompts are read negation-free: "no children" still names children.
 *
 * @param ruleId the identifier reported when the rule fires
 * @param first the marker or category that must be present; for a negative-prompt rule, the
 *     marker or category that must be in the negative prompt
 * @param second the marker or category that must be present in the prompt
 * @param window the largest distance in words between the two matches (ignored for a
 *     negative-prompt rule)
 * @param negativePrompt whether {@code first} is looked for in the negative prompt
 * @param category the category of the finding the rule produces
 * @param severity the severity of that finding
 */
public record CombinationRule(
    String ruleId,
    String first,
    String second,
    int window,
    boolean negativePrompt,
    Category category,
    Severity severity) {

  public CombinationRule {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    if (window < 0) {
      throw new IllegalArgumentException("rule " + ruleId + ": window must be >= 0, got " + window);
    }
  }
}
