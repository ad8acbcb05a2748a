package dev.warden.policy.decision;

import java.util.List;
import java.util.Objects;

/**
 * One thing a stage found in an input: its category, severity and score, why it was found, and
 * where in the caller's original input the evidence lies.
 *
 * @param category the content category
 * @param severity how serious the finding is
 * @param score confidence in [0, 1] (1 for a deterministic rule)
 * @param reason the rule, concept or model that fired
 * @param evidence spans of the caller's original input, in order; empty when the input has no
 *     textual evidence (an image embedding)
 */
public record Finding(
    Category category, Severity severity, double score, Reason reason, List<EvidenceSpan> evidence) {

  public Finding {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0,1], got " + score);
    }
    evidence = List.copyOf(evidence);
  }

  /** A finding with one evidence span. */
  public static Finding of(
      Category category, Severity severity, double score, Reason reason, EvidenceSpan span) {
    return new Finding(category, severity, score, reason, List.of(span));
  }

  /** A finding without textual evidence. */
  public static Finding of(Category category, Severity severity, double score, Reason reason) {
    return new Finding(category, severity, score, reason, List.of());
  }
}
