package dev.warden.consent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.policy.ExemptionReason;
import dev.warden.policy.Policy;
import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four and a half years of simulated time on a fake clock: consents given, renewed, withdrawn and
 * expired, audit entries, a host's usage and account data with exemption marks, legal holds placed,
 * ending and released, and a retention run every month. After every run, nothing was erased before
 * it was due and nothing due is left unless a hold or an exemption keeps it.
 */
class RetentionYearsTest {

  private static final Policy POLICY = Policy.defaultPolicy();

  @TempDir Path dir;

  @Test
  void acrossYearsNothingIsErasedEarlyNothingDueSurvivesAndHoldsSuspendErasureUntilReleased() {
    MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Random random = new Random(8L);
    try (ConsentStore store = ConsentStore.journal(dir.resolve("consent")).durability(Durability.OS).clock(clock)
        .compactOnErase(false).open();
        AuditJournalSource audit = AuditJournalSource.builder(dir.resolve("audit")).durability(Durability.OS)
            .clock(clock).open()) {
      ConsentLedger ledger = ConsentLedger.builder().policy(POLICY).store(store).clock(clock).build();
      HostSource host = new HostSource("accounts", Set.of("account", "usage"));
      LegalHolds holds = LegalHolds.builder().file(dir.resolve("retention/holds.json")).audit(audit).clock(clock).open();
      List<PersonalDataSource> sources = List.of(PersonalDataSource.consentLedger(store), audit, host);
      RetentionEngine.Builder b = RetentionEngine.builder().policy(POLICY).holds(holds).audit(audit).clock(clock)
          .checkpointDirectory(dir.resolve("retention")).batchSize(20);
      sources.forEach(b::source);
      RetentionEngine engine = b.build();

      Pseudonym heldSubject = Pseudonym.of("ps_litigant");
      host.add("held-usage", heldSubject, "usage", clock.instant());
      LegalHold subjectHold = null;
      LegalHold categoryHold = null;
      long erasedTotal = 0;
      long heldSeen = 0;
      int recordNo = 0;
      boolean heldRecordSurvivedWhileDue = false;
      Map<Pseudonym, Instant> closed = new HashMap<>();
      for (int day = 0; day <= 365 * 4 + 180; day += 5) {
        clock.set(Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofDays(day)).plusSeconds(random.nextInt(86_400)));
        for (int i = 0; i < 3; i++) {
          Pseudonym p = Pseudonym.of("ps_" + (day / 90 * 8 + random.nextInt(24)));
          if (random.nextInt(4) == 0) {
            ledger.withdraw(p, CollectionMethod.SETTINGS_PAGE, "en");
          } else {
            ledger.record(p, Map.of("analytics", random.nextBoolean()), CollectionMethod.BANNER, "en");
          }
          String type = switch (random.nextInt(3)) {
            case 0 -> "security.login";
            case 1 -> "moderation.flagged";
            default -> "consent.given";
          };
          audit.append(type, p, Map.of("n", i));
          Set<ExemptionReason> marks = random.nextInt(5) == 0 ? Set.of(ExemptionReason.SECURITY) : Set.of();
          host.add("u" + recordNo++, p, "usage", clock.instant(), Map.of(), marks, Map.of());
          if (random.nextInt(6) == 0 && !closed.containsKey(p)) {
            closed.put(p, clock.instant());
            Set<ExemptionReason> accountMarks = random.nextInt(3) == 0 ? Set.of(ExemptionReason.LEGAL_OBLIGATION)
                : Set.of();
            host.add("a" + recordNo++, p, "account", clock.instant().minus(Duration.ofDays(400)),
                Map.of(RetentionTrigger.ACCOUNT_CLOSED, clock.instant()), accountMarks, Map.of());
          }
        }
        if (day == 60) {
          subjectHold = holds.place(HoldScope.subject(heldSubject), "claim 2024-17");
        }
        if (day == 300) {
          categoryHold = holds.place(HoldScope.category("moderation-records"), "regulator inquiry",
              clock.instant().plus(Duration.ofDays(400)));
        }
        if (day == 900) {
          holds.release(subjectHold.id());
        }
        if (day % 30 != 0) {
          continue;
        }
        Map<String, PersonalRecord> before = RetentionOracle.everything(sources);
        RetentionPlan plan = engine.plan();
        RetentionRun run = engine.run();
        Map<String, PersonalRecord> after = RetentionOracle.everything(sources);
        Instant at = run.at();
        assertThat(at).isEqualTo(clock.instant());
        assertThat(after.keySet()).as("day %d: nothing appears", day).isSubsetOf(before.keySet());
        Set<String> erased = new HashSet<>(before.keySet());
        erased.removeAll(after.keySet());
        for (String k : erased) {
          PersonalRecord r = before.get(k);
          Instant due = RetentionOracle.dueAt(POLICY, r);
          assertThat(due).as("day %d: %s erased although never due", day, k).isNotNull();
          assertThat(due).as("day %d: %s erased early", day, k).isBeforeOrEqualTo(at);
          assertThat(holds.holding(r.subject(), r.dataCategory(), at)).as("day %d: %s erased under a hold", day, k)
              .isEmpty();
        }
        for (Map.Entry<String, PersonalRecord> e : after.entrySet()) {
          PersonalRecord r = e.getValue();
          Instant due = RetentionOracle.dueAt(POLICY, r);
          if (due != null && !due.isAfter(at)) {
            assertThat(holds.holding(r.subject(), r.dataCategory(), at))
                .as("day %d: %s is due since %s and survived without a hold", day, e.getKey(), due).isPresent();
            heldSeen++;
            if (r.subject().equals(heldSubject)) {
              heldRecordSurvivedWhileDue = true;
            }
          }
        }
        assertThat(run.erased()).as("day %d: the run counts what it erased", day).isEqualTo(erased.size());
        assertThat(plan.dueCount()).as("day %d: the dry run listed what went", day).isEqualTo(erased.size());
        assertThat(engine.run().erased()).as("day %d: running again erases nothing", day).isZero();
        assertThat(run.problems()).anyMatch(p -> p.contains("audit-journal cannot date 'consent-withdrawn'"));
        erasedTotal += erased.size();
        if (day >= 930) {
          assertThat(host.all()).as("the released hold lets the held record go").doesNotContainKey("held-usage");
        }
      }
      assertThat(erasedTotal).as("records erased over the years").isGreaterThan(1000);
      assertThat(heldSeen).as("due records kept by holds").isPositive();
      assertThat(heldRecordSurvivedWhileDue).isTrue();
      assertThat(categoryHold).isNotNull();
      assertThat(store.erasures()).as("consent trails erased with proofs").isNotEmpty();
      assertThat(store.erasures()).allSatisfy(p -> assertThat(p.recordCount()).isPositive());
      assertThat(audit.verify().ok()).as("the audit chain survives erasure").isTrue();
    }
    try (Stream<AuditEntry> entries = AuditJournal.entries(dir.resolve("audit/journal"))) {
      Set<String> types = new HashSet<>();
      entries.forEach(e -> types.add(e.type()));
      assertThat(types).contains("retention.started", "retention.phase", "retention.completed",
          "legal-hold.placed", "legal-hold.released");
    }
  }
}
