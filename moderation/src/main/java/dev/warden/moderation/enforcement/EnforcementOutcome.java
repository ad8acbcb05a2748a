package dev.warden.moderation.enforcement;

import dev.warden.policy.EnforcementAction;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.Optional;

/**
 * What recording one violation did to an account.
 *
 * @param account the account
 * @param action the ladder step applied: warn, suspend or terminate; empty when the ladder has no
 *     step for the count yet
 * @param violationsInWindow the violations inside the window, this one included
 * @param standing where the account stands now
 * @param suspendedUntil the end of the suspension in force, if any
 * @param report the report raised, if the violation was reported
 */
public record EnforcementOutcome(Pseudonym account, Optional<EnforcementAction> action,
    int violationsInWindow, Standing standing, Optional<Instant> suspendedUntil,
    Optional<Report> report) {}
