package dev.warden.consent.retention;

import dev.warden.consent.internal.Times;
import dev.warden.policy.ExemptionReason;
import dev.warden.policy.RetentionExemption;
import dev.warden.policy.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** When a record falls due under a rule, and what keeps a due record. */
final class RetentionSchedule {

  /**
   * Calendar periods are not monotone in reverse: 31 January plus a month is 28 February, yet 28
   * February minus a month is 28 January. Sources are asked for records older than the cutoff
   * plus this slack (more than any month or year end can shift), then each record is checked exactly.
   */
  private static final Duration QUERY_SLACK = Duration.ofDays(4);

  private RetentionSchedule() {}

  /** The cutoff to ask sources with: no record due at {@code at} has its event after it. */
  static Instant queryCutoff(RetentionRule rule, Instant at) {
    return Times.minus(at, rule.period()).plus(QUERY_SLACK);
  }

  /** A record's standing at an instant. */
  sealed interface Standing {}

  /** Its period has not ended (or the event it counts from has not happened). */
  record NotDue() implements Standing {}

  /** It is due since {@code at}. */
  record Due(Instant at) implements Standing {}

  /** Its period has ended but an exemption keeps it. */
  record Exempt(String why) implements Standing {}

  private static final NotDue NOT_DUE = new NotDue();

  /** The record's standing under {@code rule} at {@code at}, before legal holds. */
  static Standing standing(RetentionRule rule, PersonalRecord r, Instant at) {
    Instant event = r.events().get(rule.from());
    if (event == null) {
      return NOT_DUE;
    }
    Instant due = Times.plus(event, rule.period());
    if (due.isAfter(at)) {
      return NOT_DUE;
    }
    for (ExemptionReason mark : r.exemptions()) {
      Optional<RetentionExemption> ex = rule.exemption(mark);
      if (ex.isEmpty()) {
        continue; // the policy does not let this reason extend this category
      }
      if (ex.get().maxPeriod().isEmpty()) {
        return new Exempt("exemption " + name(mark) + " (kept while the record is marked)");
      }
      Instant end = Times.plus(event, ex.get().maxPeriod().get());
      if (end.isAfter(at)) {
        return new Exempt("exemption " + name(mark) + " until " + end);
      }
      due = end.isAfter(due) ? end : due;
    }
    return new Due(due);
  }

  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
