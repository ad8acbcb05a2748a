package dev.warden.consent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.ExemptionReason;
import dev.warden.policy.Policy;
import dev.warden.policy.RetentionExemption;
import dev.warden.policy.RetentionRule;
import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

  private static final Pseudonym SUBJECT = Pseudonym.of("ps_sched");
  private static final RetentionRule USAGE = Policy.defaultPolicy().retentionFor("usage").orElseThrow();

  private static PersonalRecord collected(Instant at, ExemptionReason... marks) {
    return new PersonalRecord("r1", SUBJECT, "usage", Map.of(RetentionTrigger.COLLECTED, at), Set.of(marks), Map.of());
  }

  @Test
  void usageDataIsDueNinetyDaysAfterCollectionAndNotAMomentBefore() {
    PersonalRecord r = collected(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(RetentionSchedule.standing(USAGE, r, Instant.parse("2026-04-01T09:59:59.999Z")))
        .isInstanceOf(RetentionSchedule.NotDue.class);
    assertThat(RetentionSchedule.standing(USAGE, r, Instant.parse("2026-04-01T10:00:00Z")))
        .isEqualTo(new RetentionSchedule.Due(Instant.parse("2026-04-01T10:00:00Z")));
  }

  @Test
  void aSecurityMarkKeepsUsageDataForAYearThenItIsDue() {
    PersonalRecord r = collected(Instant.parse("2026-01-01T00:00:00Z"), ExemptionReason.SECURITY);
    assertThat(RetentionSchedule.standing(USAGE, r, Instant.parse("2026-06-01T00:00:00Z")))
        .isEqualTo(new RetentionSchedule.Exempt("exemption security until 2027-01-01T00:00:00Z"));
    assertThat(RetentionSchedule.standing(USAGE, r, Instant.parse("2027-01-01T00:00:00Z")))
        .isEqualTo(new RetentionSchedule.Due(Instant.parse("2027-01-01T00:00:00Z")));
  }

  @Test
  void aMarkThePolicyDoesNotAllowForTheCategoryDoesNotKeepTheRecord() {
    PersonalRecord r = collected(Instant.parse("2026-01-01T00:00:00Z"), ExemptionReason.LEGAL_OBLIGATION);
    assertThat(RetentionSchedule.standing(USAGE, r, Instant.parse("2026-04-02T00:00:00Z")))
        .isInstanceOf(RetentionSchedule.Due.class);
  }

  @Test
  void aLegalHoldMarkWithoutAnEndKeepsTheRecordIndefinitely() {
    PersonalRecord r = collected(Instant.parse("2020-01-01T00:00:00Z"), ExemptionReason.LEGAL_HOLD);
    assertThat(RetentionSchedule.standing(USAGE, r, Instant.parse("2040-01-01T00:00:00Z")))
        .isInstanceOf(RetentionSchedule.Exempt.class);
  }

  @Test
  void aRecordWhoseTriggerHasNotHappenedIsNeverDue() {
    RetentionRule account = Policy.defaultPolicy().retentionFor("account").orElseThrow();
    PersonalRecord open = new PersonalRecord("a1", SUBJECT, "account",
        Map.of(RetentionTrigger.COLLECTED, Instant.parse("2010-01-01T00:00:00Z")), Set.of(), Map.of());
    assertThat(RetentionSchedule.standing(account, open, Instant.parse("2040-01-01T00:00:00Z")))
        .isInstanceOf(RetentionSchedule.NotDue.class);
  }

  @Test
  void theLastDayOfAMonthPlusAMonthIsStillFoundByTheQueryCutoff() {
    RetentionRule monthly = new RetentionRule("m", "usage", Period.ofMonths(1), RetentionTrigger.COLLECTED, List.of());
    Instant event = Instant.parse("2026-01-31T12:00:00Z");
    Instant at = Instant.parse("2026-02-28T12:00:00Z");
    assertThat(RetentionSchedule.standing(monthly, collected(event), at)).isInstanceOf(RetentionSchedule.Due.class);
    assertThat(at.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant()).as("the naive cutoff misses it")
        .isBefore(event);
    assertThat(event).isBefore(RetentionSchedule.queryCutoff(monthly, at));
  }

  @Test
  void randomEventsAndPeriodsAreDueExactlyWhenTheirPeriodEndsAndTheQueryNeverMissesThem() {
    Random random = new Random(20260108L);
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      Period p = switch (random.nextInt(3)) {
        case 0 -> Period.ofDays(1 + random.nextInt(400));
        case 1 -> Period.ofMonths(1 + random.nextInt(40));
        default -> Period.ofYears(1 + random.nextInt(6));
      };
      Optional<Period> exemption = random.nextBoolean() ? Optional.empty()
          : Optional.of(p.plusMonths(random.nextInt(24)));
      RetentionRule rule = new RetentionRule("r", "usage", p, RetentionTrigger.COLLECTED,
          exemption.map(e -> List.of(new RetentionExemption(ExemptionReason.SECURITY, Optional.of(e)))).orElse(List.of()));
      Instant event = base.plusSeconds(random.nextLong(86_400L * 365 * 8));
      Instant at = event.plusSeconds(random.nextLong(86_400L * 365 * 9)).minusSeconds(86_400L * 30);
      boolean marked = random.nextBoolean();
      PersonalRecord r = marked ? collected(event, ExemptionReason.SECURITY) : collected(event);
      Instant expectedDue = event.atOffset(ZoneOffset.UTC).plus(p).toInstant();
      if (marked && exemption.isPresent()) {
        Instant ex = event.atOffset(ZoneOffset.UTC).plus(exemption.get()).toInstant();
        expectedDue = ex.isAfter(expectedDue) ? ex : expectedDue;
      }
      RetentionSchedule.Standing s = RetentionSchedule.standing(rule, r, at);
      if (expectedDue.isAfter(at)) {
        assertThat(s).as("case %d: %s + %s at %s", i, event, p, at).isNotInstanceOf(RetentionSchedule.Due.class);
      } else {
        assertThat(s).as("case %d: %s + %s at %s", i, event, p, at).isEqualTo(new RetentionSchedule.Due(expectedDue));
      }
      if (!event.atOffset(ZoneOffset.UTC).plus(p).toInstant().isAfter(at)) {
        assertThat(event).as("case %d: queried", i).isBefore(RetentionSchedule.queryCutoff(rule, at));
      }
    }
  }
}
