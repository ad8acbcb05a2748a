package dev.warden.moderation.enforcement;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * A violation as the ledger keeps it.
 *
 * @param category the violated category
 * @param severity how serious it was
 * @param at when it was recorded, from the ledger's clock
 * @param evidence the hash of its evidence
 */
public record ViolationRecord(Category category, Severity severity, Instant at, EvidenceHash evidence) {

  public ViolationRecord {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(evidence, "evidence");
  }
}
