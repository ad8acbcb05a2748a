package dev.warden.policy.decision;

import java.util.List;
import java.util.Objects;

/**
 * An explainable decision: the verdict, whether a report is required, the per-category summary,
 * every finding behind it, and the policy that decided.
 *
 * <p>Build one with {@code Policy.decide(findings)}, which applies the policy's content rules;
 * the constructor only checks that the parts are consistent.
 *
 * @param verdict the strictest verdict of any category's action
 * @param reportRequired whether any category's action requires a report
 * @param categories one entry per category found, strictest action first
 * @param findings every finding, in the order the stages produced them
 * @param policy the policy id and version that decided
 */
public record Decision(
    Verdict verdict,
    boolean reportRequired,
    List<CategoryScore> categories,
    List<Finding> findings,
    PolicyRef policy) {

  public Decision {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(policy, "policy");
    categories = List.copyOf(categories);
    findings = List.copyOf(findings);
    Verdict strictest = Verdict.ALLOW;
    boolean report = false;
    for (CategoryScore c : categories) {
      strictest = strictest.max(c.action().verdict());
      report |= c.action().requiresReport();
    }
    if (strictest != verdict || report != reportRequired) {
      throw new IllegalArgumentException(
          "verdict " + verdict + "/report " + reportRequired
              + " disagrees with the category actions, which give " + strictest + "/report " + report);
    }
  }

  /** An allow decision with no findings. */
  public static Decision allow(PolicyRef policy) {
    return new Decision(Verdict.ALLOW, false, List.of(), List.of(), policy);
  }

  /** Whether the verdict is {@link Verdict#BLOCK}. */
  public boolean blocked() {
    return verdict == Verdict.BLOCK;
  }
}
