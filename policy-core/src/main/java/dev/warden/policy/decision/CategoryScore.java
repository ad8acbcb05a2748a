package dev.warden.policy.decision;

import java.util.Objects;

/**
 * The summary of one category in a decision: the most serious severity and highest score among
 * its findings, and the action the policy prescribed.
 *
 * @param category the category
 * @param severity the most serious severity found
 * @param score the highest score found
 * @param action the action the policy's content rule prescribes for this category and severity
 */
public record CategoryScore(Category category, Severity severity, double score, Action action) {

  public CategoryScore {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(action, "action");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0,1], got " + score);
    }
  }
}
