package dev.warden.moderation.enforcement;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.Severity;
import java.util.Objects;
import java.util.Set;

/**
 * A violation to record against an account: what it was and the hash of its evidence.
 *
 * @param category the violated category
 * @param severity how serious it was
 * @param evidence the hash of the content it rests on
 * @param reportRequired whether the policy asked for a report (zero-tolerance categories are
 *     reported whatever this says)
 */
public record Violation(Category category, Severity severity, EvidenceHash evidence,
    boolean reportRequired) {

  public Violation {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * The violation a decision amounts to: its zero-tolerance category if it has one, else its
   * strictest category; reported when the decision requires a report.
   *
   * @throws IllegalArgumentException if the decision found no category
   */
  public static Violation of(Decision decision, EvidenceHash evidence, Set<Category> zeroTolerance) {
    if (decision.categories().isEmpty()) {
      throw new IllegalArgumentException("decision " + decision.verdict() + " found no category: not a violation");
    }
    CategoryScore pick = decision.categories().get(0);
    for (CategoryScore c : decision.categories()) {
      if (zeroTolerance.contains(c.category())) {
        pick = c;
        break;
      }
    }
    return new Violation(pick.category(), pick.severity(), evidence, decision.reportRequired());
  }
}
