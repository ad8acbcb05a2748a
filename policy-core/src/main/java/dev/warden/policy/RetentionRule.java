package dev.warden.policy;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How long records of one data category are kept.
 *
 * @param id identifier of the rule
 * @param dataCategory id of the data category the rule governs (one rule per category)
 * @param period how long records are kept after the trigger event
 * @param from the event the period counts from
 * @param exemptions reasons that allow keeping a record longer, at most one per reason
 */
public record RetentionRule(
    String id, String dataCategory, Period period, RetentionTrigger from,
    List<RetentionExemption> exemptions) {

  public RetentionRule {
    Checks.id(id, "retention rule id");
    Checks.id(dataCategory, "retention rule dataCategory");
    Checks.period(period, false, "retention rule period");
    Objects.requireNonNull(from, "from");
    exemptions = List.copyOf(exemptions);
    if (exemptions.stream().map(RetentionExemption::reason).distinct().count() != exemptions.size()) {
      throw new IllegalArgumentException("retention rule " + id + " lists an exemption reason twice");
    }
  }

  /** The exemption for {@code reason}, if the rule has one. */
  public Optional<RetentionExemption> exemption(ExemptionReason reason) {
    return exemptions.stream().filter(e -> e.reason() == reason).findFirst();
  }
}
