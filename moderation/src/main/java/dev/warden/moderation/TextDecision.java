package dev.warden.moderation;

import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.PolicyRef;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The decision on one text prompt: the policy's {@link Decision} (verdict, categories with
 * severity and score, findings, policy id and version) plus what is particular to text: the
 * language used and every match with its offsets in the caller's strings.
 *
 * @param decision the policy's decision over every stage's findings
 * @param language the ISO 639-1 code of the language used (a hint, a detection, or the script's
 *     language for Cyrillic, kana or Han text), or {@code und} when it was not needed or not known
 * @param matches every match, in the order found: lexicon terms and combination rules
 * @param limits the processing limits that applied, if any
 */
public record TextDecision(
    Decision decision, String language, List<TextMatch> matches, List<Reason.Limit> limits) {

  public TextDecision {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(language, "language");
    matches = List.copyOf(matches);
    limits = List.copyOf(limits);
  }

  /** The verdict. */
  public Verdict verdict() {
    return decision.verdict();
  }

  /** One entry per category found, strictest action first. */
  public List<CategoryScore> categories() {
    return decision.categories();
  }

  /** Every finding behind the decision. */
  public List<Finding> findings() {
    return decision.findings();
  }

  /** The policy id and version that decided. */
  public PolicyRef policy() {
    return decision.policy();
  }

  /** Whether the policy requires the prompt to be reported (sexual content involving minors). */
  public boolean reportRequired() {
    return decision.reportRequired();
  }
}
