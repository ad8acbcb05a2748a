package dev.warden.moderation.enforcement;

import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link EnforcementStore} keeps about one account.
 *
 * @param account the account's pseudonym
 * @param violations the violations still inside the policy's window, oldest first
 * @param totalViolations every violation ever recorded
 * @param suspendedUntil the end of the latest suspension, if any
 * @param terminatedAt when the account was terminated, if it was
 */
public record AccountRecord(Pseudonym account, List<ViolationRecord> violations, long totalViolations,
    Optional<Instant> suspendedUntil, Optional<Instant> terminatedAt) {

  public AccountRecord {
    Objects.requireNonNull(account, "account");
    violations = List.copyOf(violations);
    Objects.requireNonNull(suspendedUntil, "suspendedUntil");
    Objects.requireNonNull(terminatedAt, "terminatedAt");
    if (totalViolations < violations.size()) {
      throw new IllegalArgumentException("total violations " + totalViolations
          + " is less than the " + violations.size() + " kept");
    }
  }

  /** The record of an account with no history. */
  public static AccountRecord empty(Pseudonym account) {
    return new AccountRecord(account, List.of(), 0, Optional.empty(), Optional.empty());
  }
}
