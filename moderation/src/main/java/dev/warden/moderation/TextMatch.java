package dev.warden.moderation;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.EvidenceSpan;
import dev.warden.policy.decision.Severity;
import java.util.Objects;

/**
 * One match behind a text decision: which rule fired, for which category, and where, as offsets
 * into the caller's original string (never into a normalised copy).
 *
 * @param span the UTF-16 offsets in the field's original text
 * @param category the category the match counts for
 * @param severity the severity of the rule
 * @param ruleId the lexicon entry or combination rule that fired, such as {@code en.sexual.0042}
 * @param field the part of the prompt the span refers to
 */
public record TextMatch(
    EvidenceSpan span, Category category, Severity severity, String ruleId, PromptField field) {

  public TextMatch {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(field, "field");
  }

  /** The inclusive start offset. */
  public int start() {
    return span.start();
  }

  /** The exclusive end offset. */
  public int end() {
    return span.end();
  }
}
