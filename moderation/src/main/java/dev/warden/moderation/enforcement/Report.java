package dev.warden.moderation.enforcement;

import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.PolicyRef;
import dev.warden.policy.decision.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * A report of a violation to a trust-and-safety team or the authorities. It carries the hash of
 * the evidence, never the content.
 *
 * @param account the reported account's pseudonym
 * @param category the violated category
 * @param severity how serious it was
 * @param evidence the hash of the content
 * @param at when the violation was recorded
 * @param reason {@code zero-tolerance} or {@code policy-action}
 * @param policy the policy in force
 */
public record Report(Pseudonym account, Category category, Severity severity, EvidenceHash evidence,
    Instant at, String reason, PolicyRef policy) {

  public Report {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(policy, "policy");
  }
}
