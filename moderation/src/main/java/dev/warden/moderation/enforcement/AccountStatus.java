package dev.warden.moderation.enforcement;

import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.Optional;

/**
 * An account's standing at a moment.
 *
 * @param account the account
 * @param standing where it stands
 * @param violationsInWindow violations inside the policy's window at that moment
 * @param suspendedUntil the end of the suspension in force, if suspended
 */
public record AccountStatus(Pseudonym account, Standing standing, int violationsInWindow,
    Optional<Instant> suspendedUntil) {

  /** Whether the account may submit content: neither suspended nor terminated. */
  public boolean maySubmit() {
    return standing == Standing.ACTIVE || standing == Standing.WARNED;
  }
}
