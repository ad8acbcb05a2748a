package dev.warden.consent.retention;

import dev.warden.policy.ExemptionReason;
import dev.warden.policy.Policy;
import dev.warden.policy.RetentionExemption;
import dev.warden.policy.RetentionRule;
import dev.warden.policy.RetentionTrigger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the tests hold the engine to, written apart from it: when a record falls due under the
 * policy, and every record every source holds.
 */
final class RetentionOracle {

  static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

  private RetentionOracle() {}

  /** When {@code r} is due under the policy, or null if never (no rule, event not happened, open exemption). */
  static Instant dueAt(Policy policy, PersonalRecord r) {
    RetentionRule rule = policy.retentionFor(r.dataCategory()).orElse(null);
    if (rule == null) {
      return null;
    }
    Instant event = r.events().get(rule.from());
    if (event == null) {
      return null;
    }
    Instant due = event.atOffset(ZoneOffset.UTC).plus(rule.period()).toInstant();
    for (ExemptionReason mark : r.exemptions()) {
      for (RetentionExemption e : rule.exemptions()) {
        if (e.reason() == mark) {
          if (e.maxPeriod().isEmpty()) {
            return null;
          }
          Instant until = event.atOffset(ZoneOffset.UTC).plus(e.maxPeriod().get()).toInstant();
          due = until.isAfter(due) ? until : due;
        }
      }
    }
    return due;
  }

  /** Every record of every source, by "source/record id". */
  static Map<String, PersonalRecord> everything(List<PersonalDataSource> sources) {
    Map<String, PersonalRecord> out = new HashMap<>();
    for (PersonalDataSource s : sources) {
      for (String c : s.dataCategories()) {
        for (RetentionTrigger t : s.triggers(c)) {
          try (Stream<PersonalRecord> rs = s.recordsBefore(c, t, FAR_FUTURE)) {
            rs.forEach(r -> out.put(s.id() + "/" + r.id(), r));
          }
        }
      }
    }
    return out;
  }
}
