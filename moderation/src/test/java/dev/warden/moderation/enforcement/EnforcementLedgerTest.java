package dev.warden.moderation.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.EnforcementAction;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnforcementLedgerTest {

  private static final Pseudonym ALICE = Pseudonym.of("ps_alice");
  private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

  /** A clock tests move by hand. */
  static final class TestClock extends Clock {
    volatile Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final TestClock clock = new TestClock();
  private final List<Report> reports = new CopyOnWriteArrayList<>();

  private EnforcementLedger ledger(EnforcementStore store) {
    return EnforcementLedger.builder().store(store).reportSink(reports::add).clock(clock).build();
  }

  private static Violation sexual(int n) {
    return new Violation(Category.SEXUAL, Severity.HIGH, EvidenceHash.ofText("prompt " + n), false);
  }

  @Test
  void theDefaultLadderWarnsSuspendsAndTerminates() {
    EnforcementLedger l = ledger(EnforcementStore.inMemory());
    List<Optional<EnforcementAction>> actions = new ArrayList<>();
    List<Standing> standings = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      EnforcementOutcome o = l.record(ALICE, sexual(i));
      actions.add(o.action());
      standings.add(o.standing());
      assertThat(o.violationsInWindow()).isEqualTo(i);
      clock.advance(Duration.ofHours(1));
    }
    assertThat(actions).containsExactly(Optional.of(EnforcementAction.WARN), Optional.of(EnforcementAction.WARN),
        Optional.of(EnforcementAction.SUSPEND), Optional.of(EnforcementAction.SUSPEND),
        Optional.of(EnforcementAction.SUSPEND), Optional.of(EnforcementAction.SUSPEND),
        Optional.of(EnforcementAction.SUSPEND), Optional.of(EnforcementAction.TERMINATE));
    assertThat(standings).containsExactly(Standing.WARNED, Standing.WARNED, Standing.SUSPENDED,
        Standing.SUSPENDED, Standing.SUSPENDED, Standing.SUSPENDED, Standing.SUSPENDED, Standing.TERMINATED);
    assertThat(l.status(ALICE).maySubmit()).isFalse();
    assertThat(reports).isEmpty();
  }

  @Test
  void suspensionsLastTheStepsDurationAndViolationsExpireWithTheWindow() {
    EnforcementLedger l = ledger(EnforcementStore.inMemory());
    l.record(ALICE, sexual(1));
    l.record(ALICE, sexual(2));
    EnforcementOutcome third = l.record(ALICE, sexual(3));
    assertThat(third.suspendedUntil()).contains(T0.plus(Duration.ofDays(7)));
    clock.advance(Duration.ofDays(7));
    assertThat(l.status(ALICE).standing()).isEqualTo(Standing.WARNED);
    clock.advance(Duration.ofDays(84)); // past the 90-day window of all three
    assertThat(l.status(ALICE)).isEqualTo(new AccountStatus(ALICE, Standing.ACTIVE, 0, Optional.empty()));
    assertThat(l.record(ALICE, sexual(4)).action()).contains(EnforcementAction.WARN);
  }

  @Test
  void aZeroToleranceViolationTerminatesAndReportsOnlyTheHash() throws Exception {
    EnforcementLedger l = ledger(EnforcementStore.inMemory());
    byte[] content = "the offending image bytes".getBytes(StandardCharsets.UTF_8);
    EnforcementOutcome o = l.record(ALICE, new Violation(Category.SEXUAL_MINORS, Severity.LOW,
        EvidenceHash.of(content), false));
    assertThat(o.action()).contains(EnforcementAction.TERMINATE);
    assertThat(o.standing()).isEqualTo(Standing.TERMINATED);
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo("zero-tolerance");
      assertThat(r.evidence()).isEqualTo(EvidenceHash.of(content));
      assertThat(r.evidence().sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(content)));
      assertThat(r.policy()).isEqualTo(Policy.defaultPolicy().ref());
    });
    assertThat(o.report()).isPresent();
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return java.security.MessageDigest.getInstance("SHA-256").digest(b);
  }

  @Test
  void aDecisionThatRequiresAReportIsReportedWithoutTermination() {
    Policy p = Policy.defaultPolicy();
    var decision = p.decide(List.of(Finding.of(Category.ILLICIT, Severity.CRITICAL, 1.0, new Reason.Rule("r", "d"))));
    Violation v = Violation.of(decision, EvidenceHash.ofText("x"), p.enforcement().zeroTolerance());
    assertThat(v.reportRequired()).isTrue();
    EnforcementOutcome o = ledger(EnforcementStore.inMemory()).record(ALICE, v);
    assertThat(o.action()).contains(EnforcementAction.WARN);
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("policy-action"));
    assertThatThrownBy(() -> Violation.of(p.decide(List.of()), EvidenceHash.ofText("x"), p.enforcement().zeroTolerance()))
        .hasMessageContaining("found no category");
  }

  @Test
  void theJournalStoreSurvivesARestartAndTheJournalHoldsNoContent(@TempDir Path dir) throws Exception {
    String secret = "a prompt that must never be stored";
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).durability(Durability.OS).open()) {
      EnforcementLedger l = EnforcementLedger.builder().store(EnforcementStore.journal(j)).auditLog(j).clock(clock).build();
      l.record(ALICE, new Violation(Category.SEXUAL, Severity.HIGH, EvidenceHash.ofText(secret), false));
      l.record(ALICE, sexual(2));
      l.record(Pseudonym.of("ps_bob"), new Violation(Category.SEXUAL_MINORS, Severity.HIGH, EvidenceHash.ofText(secret), false));
    }
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).open()) {
      assertThat(j.verify().ok()).isTrue();
      EnforcementLedger l = EnforcementLedger.builder().store(EnforcementStore.journal(j)).auditLog(j).clock(clock).build();
      assertThat(l.status(ALICE).violationsInWindow()).isEqualTo(2);
      assertThat(l.status(Pseudonym.of("ps_bob")).standing()).isEqualTo(Standing.TERMINATED);
      assertThat(l.record(ALICE, sexual(3)).action()).contains(EnforcementAction.SUSPEND);
    }
    try (Stream<AuditEntry> entries = AuditJournal.entries(dir)) {
      List<AuditEntry> all = entries.toList();
      assertThat(all).extracting(AuditEntry::type).containsExactly("enforcement.account", "enforcement.account",
          "enforcement.report", "enforcement.account", "enforcement.account");
      assertThat(all.get(2).payload()).containsEntry("evidenceSha256", EvidenceHash.ofText(secret).sha256());
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).doesNotContain(secret);
      }
    }
  }

  @Test
  void concurrentViolationsOfOneAccountAreAllCountedInOrder(@TempDir Path dir) throws Exception {
    for (int storeKind = 0; storeKind < 2; storeKind++) {
      reports.clear();
      AuditJournal journal = storeKind == 1
          ? AuditJournal.builder(dir.resolve("j")).clock(clock).durability(Durability.OS).open() : null;
      try {
        EnforcementStore store = journal == null ? EnforcementStore.inMemory() : EnforcementStore.journal(journal);
        EnforcementLedger l = EnforcementLedger.builder().store(store).reportSink(reports::add).clock(clock)
            .policy(Policy.defaultPolicy()).build();
        int threads = 16;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<EnforcementOutcome>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          futures.add(pool.submit(() -> {
            start.await();
            List<EnforcementOutcome> out = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              out.add(l.record(ALICE, sexual(id * 1000 + i)));
            }
            return out;
          }));
        }
        start.countDown();
        List<Integer> counts = new ArrayList<>();
        long terminations = 0;
        for (Future<List<EnforcementOutcome>> f : futures) {
          for (EnforcementOutcome o : f.get()) {
            counts.add(o.violationsInWindow());
          }
        }
        pool.shutdown();
        // Every count from 1 to 400 was seen exactly once: no update was lost or applied twice.
        assertThat(counts).hasSize(threads * each).doesNotHaveDuplicates();
        assertThat(counts.stream().mapToInt(Integer::intValue).max().getAsInt()).isEqualTo(threads * each);
        assertThat(store.get(ALICE).totalViolations()).isEqualTo(threads * each);
        assertThat(l.status(ALICE).standing()).isEqualTo(Standing.TERMINATED);
        if (journal != null) {
          journal.close();
          try (AuditJournal again = AuditJournal.builder(dir.resolve("j")).clock(clock).open()) {
            assertThat(EnforcementStore.journal(again).get(ALICE).totalViolations()).isEqualTo(threads * each);
          }
          journal = null;
        }
      } finally {
        if (journal != null) {
          journal.close();
        }
      }
    }
  }

  @Test
  void aLedgerWithoutAReportSinkIsRefused() {
    assertThatThrownBy(() -> EnforcementLedger.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a report sink or an audit log");
    assertThatThrownBy(() -> new EvidenceHash("abc")).hasMessageContaining("64 lower-case hex digits");
  }
}
