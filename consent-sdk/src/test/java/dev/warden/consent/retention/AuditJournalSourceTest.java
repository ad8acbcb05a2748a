package dev.warden.consent.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.AuditLog;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJournalSourceTest {

  private static final Pseudonym ALICE = Pseudonym.of("ps_alice7Qx2");
  private static final Pseudonym BOB = Pseudonym.of("ps_bob9Kd1");
  private static final Instant DAY1 = Instant.parse("2026-03-10T09:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(DAY1);

  private AuditJournalSource open() {
    return AuditJournalSource.builder(dir).durability(Durability.OS).clock(clock).open();
  }

  private void writeSome(AuditJournalSource a) {
    a.append("consent.given", ALICE, Map.of("categories", List.of("analytics")));
    a.append("security.login", ALICE, Map.of("method", "password"));
    a.append("security.login", BOB, Map.of("method", "passkey"));
    a.append("service.started", Map.of("version", "1.0"));
    clock.advance(Duration.ofDays(1));
    a.append("security.login", ALICE, Map.of("method", "password"));
  }

  @Test
  void theJournalNamesSubjectsOnlyByAliasesAndRecordsFindTheirEntriesAgain() throws IOException {
    try (AuditJournalSource a = open()) {
      AuditEntry e = a.append("security.login", ALICE, Map.of("method", "password"));
      assertThat(e.subject().orElseThrow().value()).startsWith("sa_").isNotEqualTo(ALICE.value());
      writeSome(a);
      List<PersonalRecord> records = a.records(ALICE);
      assertThat(records).extracting(PersonalRecord::dataCategory)
          .containsExactly("consent-records", "security-logs", "security-logs");
      assertThat(records.get(1).data().get("day")).isEqualTo("2026-03-10");
      assertThat((List<?>) records.get(1).data().get("entries")).hasSize(2);
      assertThat(records.get(1).event(RetentionTrigger.COLLECTED)).contains(Instant.parse("2026-03-11T00:00:00Z"));
      assertThat(a.records(Pseudonym.of("ps_nobody"))).isEmpty();
    }
    assertThat(read(dir.resolve("journal"))).doesNotContain(ALICE.value()).doesNotContain(BOB.value());
  }

  @Test
  void erasureUnlinksTheSubjectEverywhereWhileTheChainStillVerifies() throws IOException {
    try (AuditJournalSource a = open()) {
      writeSome(a);
      List<PersonalRecord> alice = a.records(ALICE);
      ErasureResult r = a.erase(alice, "dsr-1");
      assertThat(r).isEqualTo(ErasureResult.of(3));
      assertThat(a.erase(alice, "dsr-1")).as("erasing again erases nothing").isEqualTo(ErasureResult.of(0));
      assertThat(a.records(ALICE)).isEmpty();
      assertThat(read(dir)).as("kept in the keyring until purged").contains(ALICE.value());
      a.purge();
      assertThat(read(dir)).doesNotContain(ALICE.value()).contains(BOB.value());
      for (PersonalRecord gone : alice) {
        assertThat(read(dir.resolve("journal"))).as("the entries stay, unlinked").contains(gone.id());
      }
      assertThat(a.verify().ok()).isTrue();
    }
    try (AuditJournalSource a = open()) {
      assertThat(a.records(ALICE)).isEmpty();
      assertThat(a.records(BOB)).hasSize(1);
    }
    assertThat(AuditJournal.verify(List.of(dir.resolve("journal")), null).ok()).isTrue();
  }

  @Test
  void erasuresNotYetPurgedArePurgedWhenTheKeyringIsReopened() throws IOException {
    try (AuditJournalSource a = open()) {
      writeSome(a);
      a.erase(a.records(ALICE), null);
    }
    assertThat(read(dir.resolve("aliases"))).contains(ALICE.value());
    try (AuditJournalSource a = open()) {
      assertThat(read(dir.resolve("aliases"))).doesNotContain(ALICE.value());
    }
  }

  @Test
  void retentionListsOnlyDaysWhoseLastPossibleEntryIsBeforeTheCutoff() {
    try (AuditJournalSource a = open()) {
      writeSome(a);
      try (Stream<PersonalRecord> s = a.recordsBefore("security-logs", RetentionTrigger.COLLECTED,
          Instant.parse("2026-03-11T00:00:00.001Z"))) {
        assertThat(s.map(PersonalRecord::subject)).containsExactlyInAnyOrder(ALICE, BOB);
      }
      try (Stream<PersonalRecord> s = a.recordsBefore("security-logs", RetentionTrigger.COLLECTED,
          Instant.parse("2026-03-11T00:00:00Z"))) {
        assertThat(s).isEmpty();
      }
      try (Stream<PersonalRecord> s = a.recordsBefore("security-logs", RetentionTrigger.LAST_ACTIVITY,
          Instant.parse("2030-01-01T00:00:00Z"))) {
        assertThat(s).as("the journal dates collection only").isEmpty();
      }
      assertThat(a.triggers("security-logs")).containsExactly(RetentionTrigger.COLLECTED);
      assertThat(a.triggers("account")).isEmpty();
    }
  }

  @Test
  void anEntryStampedAfterMidnightMovesItsDaysDateSoItIsNeverErasedEarly() {
    Instant beforeMidnight = Instant.parse("2026-03-10T23:59:59.999Z");
    Clock ticking = new Clock() {
      private Instant now = beforeMidnight;

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public synchronized Instant instant() {
        Instant t = now;
        now = now.plusMillis(2); // the journal reads the clock after the alias was chosen
        return t;
      }
    };
    try (AuditJournalSource a = AuditJournalSource.builder(dir).durability(Durability.OS).clock(ticking).open()) {
      AuditEntry e = a.append("security.login", ALICE, Map.of());
      assertThat(e.timestamp()).isAfter(Instant.parse("2026-03-11T00:00:00Z"));
      PersonalRecord r = a.records(ALICE).get(0);
      assertThat(r.data().get("day")).isEqualTo("2026-03-10");
      assertThat(r.event(RetentionTrigger.COLLECTED)).contains(e.timestamp());
    }
    try (AuditJournalSource a = AuditJournalSource.builder(dir).durability(Durability.OS).clock(clock).open()) {
      assertThat(a.records(ALICE).get(0).event(RetentionTrigger.COLLECTED)).as("after a reopen")
          .contains(Instant.parse("2026-03-11T00:00:00.001Z"));
    }
  }

  @Test
  void aBatchOfEntriesIsAliasedLikeSingleOnes() {
    try (AuditJournalSource a = open()) {
      List<AuditEntry> written = a.appendAll(List.of(new AuditLog.NewEntry("moderation.flagged", ALICE, Map.of()),
          new AuditLog.NewEntry("moderation.flagged", ALICE, Map.of()), new AuditLog.NewEntry("x", null, Map.of())));
      assertThat(written.get(0).subject()).isEqualTo(written.get(1).subject());
      assertThat(written.get(2).subject()).isEmpty();
      assertThat(a.records(ALICE)).singleElement().satisfies(r -> {
        assertThat(r.dataCategory()).isEqualTo("moderation-records");
        assertThat((List<?>) r.data().get("entries")).hasSize(2);
      });
    }
  }

  @Test
  void aTornKeyringLineIsCutAndAMalformedOneIsReportedWithItsLine() throws IOException {
    try (AuditJournalSource a = open()) {
      writeSome(a);
    }
    Path keyring = dir.resolve("aliases").resolve(AliasKeyring.FILE);
    Files.writeString(keyring, "{\"alias\":\"sa_to", StandardOpenOption.APPEND);
    try (AuditJournalSource a = open()) {
      assertThat(a.records(ALICE)).hasSize(3);
    }
    Files.writeString(keyring, "not json\n", StandardOpenOption.APPEND);
    assertThatThrownBy(this::open).isInstanceOf(RetentionException.class)
        .hasMessageContaining("line 5 is not a keyring entry");
  }

  @Test
  void typesMapToCategoriesByTheirLongestPrefix() {
    try (AuditJournalSource a = AuditJournalSource.builder(dir).durability(Durability.OS).clock(clock)
        .category("security.", "usage").category("security.fraud.", "security-logs").defaultCategory("account")
        .open()) {
      a.append("security.login", ALICE, Map.of());
      a.append("security.fraud.flagged", ALICE, Map.of());
      a.append("profile.updated", ALICE, Map.of());
      assertThat(a.records(ALICE)).extracting(PersonalRecord::dataCategory)
          .containsExactlyInAnyOrder("usage", "security-logs", "account");
      assertThat(a.dataCategories()).contains("usage", "security-logs", "account", "consent-records");
    }
    assertThatThrownBy(() -> AuditJournalSource.builder(dir).category("x.", "Not An Id"))
        .hasMessage("a data category is a policy id such as 'usage', got 'Not An Id'");
    assertThatThrownBy(() -> AuditJournalSource.builder(dir).category("", "usage"))
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> AuditJournalSource.builder(dir).hmacKey(new byte[3]))
        .hasMessage("hmacKey must be at least 16 bytes, got 3");
  }

  @Test
  void neitherSourceHasAnythingToRectify() {
    try (AuditJournalSource a = open()) {
      writeSome(a);
      RectificationResult r = a.rectify(ALICE, Map.of("name", "Alice"));
      assertThat(r.applied()).isFalse();
      assertThat(r.note()).contains("append-only");
    }
  }

  private static String read(Path root) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        sb.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }
}
