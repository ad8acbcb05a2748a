package dev.warden.policy;

import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * An exception to a retention rule: records marked with {@code reason} may be kept longer.
 *
 * @param reason why the data may be kept
 * @param maxPeriod how long such records may be kept in total, counted from the rule's trigger;
 *     empty means until the reason ends (a legal hold is released)
 */
public record RetentionExemption(ExemptionReason reason, Optional<Period> maxPeriod) {

  public RetentionExemption {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(maxPeriod, "maxPeriod");
    maxPeriod.ifPresent(p -> Checks.period(p, true, "retention exemption maxPeriod"));
  }
}
