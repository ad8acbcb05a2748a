package dev.warden.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditJournalTest {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  AuditJournal open(Durability d) {
    return AuditJournal.builder(dir).durability(d).clock(clock).open();
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void appendedEntriesReadBackExactlyAndVerify(Durability durability) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("categories", List.of("analytics", "advertising"));
    payload.put("granted", true);
    payload.put("count", 3);
    payload.put("ratio", 0.25);
    payload.put("note", "quote \" backslash \\ newline \n tab \t unicode \u00e9 \ud83d\ude00 lone \ud800 end");
    payload.put("nothing", null);
    payload.put("nested", Map.of("k", List.of(1, 2)));
    try (AuditJournal j = open(durability)) {
      AuditEntry first = j.append("consent.granted", Pseudonym.of("ps_abc"), payload);
      clock.advance(Duration.ofSeconds(5));
      AuditEntry second = j.append("consent.withdrawn", Map.of());
      assertThat(first.sequence()).isEqualTo(1);
      assertThat(first.previousHash()).isEqualTo("0".repeat(64));
      assertThat(second.previousHash()).isEqualTo(first.hash());
      assertThat(second.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
      assertThat(j.lastSequence()).isEqualTo(2);
      assertThat(j.verify().ok()).isTrue();
    }
    List<AuditEntry> read;
    try (Stream<AuditEntry> s = AuditJournal.entries(dir)) {
      read = s.toList();
    }
    assertThat(read).hasSize(2);
    assertThat(read.get(0).type()).isEqualTo("consent.granted");
    assertThat(read.get(0).subject()).contains(Pseudonym.of("ps_abc"));
    assertThat(read.get(0).payload()).containsEntry("note", payload.get("note"))
        .containsEntry("categories", List.of("analytics", "advertising"))
        .containsEntry("granted", true).containsEntry("count", 3).containsEntry("ratio", 0.25)
        .containsEntry("nothing", null);
    assertThat(read.get(1).subject()).isEmpty();
    VerificationReport r = AuditJournal.verify(List.of(dir), null);
    assertThat(r.ok()).isTrue();
    assertThat(r.entries()).isEqualTo(2);
    assertThat(r.lastHash()).isEqualTo(read.get(1).hash());
  }

  @Test
  void osModeMapsTheSegmentAndCutsItBackToItsContent() throws IOException {
    Path seg;
    try (AuditJournal j = open(Durability.OS)) {
      j.append("a", Map.of("i", 1));
      seg = JournalFiles.segments(dir).get(0);
      assertThat(Files.size(seg)).as("extended by a mapped window").isEqualTo(SegmentWriter.WINDOW);
      assertThat(AuditJournal.verify(List.of(dir), null).ok()).isTrue();
      try (Stream<AuditEntry> s = AuditJournal.entries(dir)) {
        assertThat(s.count()).isEqualTo(1);
      }
    }
    long content = Files.size(seg);
    assertThat(content).isLessThan(1000);
    // A crash leaves the zero-filled window: reopening removes it without calling it a repair.
    try (var ch = java.nio.channels.FileChannel.open(seg, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {0}), SegmentWriter.WINDOW - 1);
    }
    try (AuditJournal j = open(Durability.OS)) {
      assertThat(j.recovery().repaired()).isFalse();
      assertThat(j.append("b", Map.of()).sequence()).isEqualTo(2);
    }
    assertThat(AuditJournal.verify(List.of(dir), null).ok()).isTrue();
  }

  @Test
  void reopeningContinuesTheChain() {
    try (AuditJournal j = open(Durability.SYNC)) {
      j.append("a", Map.of("i", 1));
    }
    try (AuditJournal j = open(Durability.SYNC)) {
      assertThat(j.recovery().repaired()).isFalse();
      assertThat(j.lastSequence()).isEqualTo(1);
      assertThat(j.append("b", Map.of()).sequence()).isEqualTo(2);
      assertThat(j.verify().ok()).isTrue();
    }
  }

  @Test
  void rotationKeepsOneChainAcrossSegments() throws IOException {
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).maxSegmentBytes(4096).open()) {
      for (int i = 0; i < 200; i++) {
        j.append("event", Map.of("i", i, "pad", "x".repeat(50)));
      }
      assertThat(j.verify().ok()).isTrue();
    }
    List<Path> segments = JournalFiles.segments(dir);
    assertThat(segments).hasSizeGreaterThan(5);
    for (Path s : segments) {
      assertThat(Files.size(s)).isLessThanOrEqualTo(4096);
    }
    assertThat(segments.get(1).getFileName().toString()).matches("audit-0{18}\\d\\d\\.jsonl");
    VerificationReport r = AuditJournal.verify(segments, null);
    assertThat(r.ok()).isTrue();
    assertThat(r.entries()).isEqualTo(200);
    // Removing a middle segment is a gap in the chain.
    Files.delete(segments.get(2));
    assertThat(AuditJournal.verify(List.of(dir), null).problems())
        .extracting(VerificationReport.Problem::kind).contains(VerificationReport.Kind.MISSING);
  }

  @Test
  void hmacKeyedJournalOnlyVerifiesWithItsKey() {
    byte[] key = "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
    try (AuditJournal j = AuditJournal.builder(dir).hmacKey(key).clock(clock).open()) {
      j.append("a", Map.of());
      j.append("b", Map.of());
    }
    assertThat(AuditJournal.verify(List.of(dir), key).ok()).isTrue();
    VerificationReport without = AuditJournal.verify(List.of(dir), null);
    assertThat(without.ok()).isFalse();
    assertThat(without.problems()).extracting(VerificationReport.Problem::kind)
        .contains(VerificationReport.Kind.MODIFIED);
    assertThatThrownBy(() -> AuditJournal.builder(dir).clock(clock).open())
        .isInstanceOf(AuditJournalException.class).hasMessageContaining("does not match its hash");
  }

  @Test
  void aTornLastLineIsRepairedOnReopenAndReported() throws IOException {
    try (AuditJournal j = open(Durability.SYNC)) {
      j.append("a", Map.of());
      j.append("b", Map.of());
    }
    Path seg = JournalFiles.segments(dir).get(0);
    byte[] torn = "{\"seq\":3,\"ts\":\"2026-01-01T00:00:00Z\",\"ty".getBytes(StandardCharsets.UTF_8);
    Files.write(seg, torn, java.nio.file.StandardOpenOption.APPEND);
    VerificationReport before = AuditJournal.verify(List.of(dir), null);
    assertThat(before.problems()).extracting(VerificationReport.Problem::kind)
        .containsExactly(VerificationReport.Kind.TORN_TAIL);
    try (AuditJournal j = open(Durability.SYNC)) {
      assertThat(j.recovery().repaired()).isTrue();
      assertThat(j.recovery().tornBytesDropped()).isEqualTo(torn.length);
      assertThat(j.recovery().lastSequence()).isEqualTo(2);
      assertThat(j.append("c", Map.of()).sequence()).isEqualTo(3);
      assertThat(j.verify().ok()).isTrue();
    }
  }

  @Test
  void aJournalCutShorterThanItsHeadIsRefusedUnlessAccepted() throws IOException {
    try (AuditJournal j = open(Durability.SYNC)) {
      for (int i = 0; i < 5; i++) {
        j.append("e", Map.of("i", i));
      }
    }
    Path seg = JournalFiles.segments(dir).get(0);
    List<String> lines = Files.readAllLines(seg);
    Files.write(seg, lines.subList(0, 3));
    VerificationReport r = AuditJournal.verify(List.of(dir), null);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(VerificationReport.Kind.TRUNCATED);
      assertThat(p.message()).contains("ends at entry 3 but its head records entry 5");
    });
    assertThatThrownBy(() -> open(Durability.SYNC))
        .isInstanceOf(AuditJournalException.class).hasMessageContaining("entries were removed from its end");
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).acceptTruncation(true).open()) {
      assertThat(j.recovery().truncationAccepted()).isTrue();
      j.append("after", Map.of());
    }
    List<AuditEntry> entries;
    try (Stream<AuditEntry> s = AuditJournal.entries(dir)) {
      entries = s.toList();
    }
    assertThat(entries.get(3).type()).isEqualTo("journal.truncation-accepted");
    assertThat(entries.get(3).payload()).containsEntry("headSequence", 5).containsEntry("foundSequence", 3);
    assertThat(entries.get(4).type()).isEqualTo("after");
    assertThat(AuditJournal.verify(List.of(dir), null).ok()).isTrue();
  }

  @Test
  void aDirectoryCanBeOpenOnlyOnce() {
    try (AuditJournal j = open(Durability.OS)) {
      assertThatThrownBy(() -> open(Durability.OS))
          .isInstanceOf(AuditJournalException.class).hasMessageContaining("already open");
    }
    try (AuditJournal j = open(Durability.OS)) {
      assertThat(j.lastSequence()).isZero();
    }
  }

  @Test
  void badInputIsRejectedWithoutWritingAnything() {
    try (AuditJournal j = open(Durability.SYNC)) {
      assertThatThrownBy(() -> j.append("Consent Granted", Map.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 'Consent Granted'");
      assertThatThrownBy(() -> j.append("x", Map.of("when", new Object())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at payload.when has unsupported type");
      assertThatThrownBy(() -> j.append("x", Map.of("nan", Double.NaN)))
          .hasMessageContaining("not finite");
      Map<Object, Object> badKey = new java.util.HashMap<>();
      badKey.put(1, "v");
      assertThatThrownBy(() -> j.append("x", Map.of("m", badKey))).hasMessageContaining("keys must be strings");
      assertThat(j.lastSequence()).isZero();
      assertThat(j.append("ok", Map.of()).sequence()).isEqualTo(1);
      assertThat(j.verify().ok()).isTrue();
    }
    assertThatThrownBy(() -> Pseudonym.of("alice@example.com"))
        .hasMessageContaining("a pseudonym is 1 to 128 characters");
  }

  @Test
  void closedJournalRefusesAppends() {
    AuditJournal j = open(Durability.OS);
    j.close();
    j.close();
    assertThatThrownBy(() -> j.append("x", Map.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void concurrentAppendersGetDistinctSequencesAndAnIntactChain(Durability durability) throws Exception {
    int threads = 8;
    int perThread = durability == Durability.OS ? 2000 : 150;
    List<Long> seqs = java.util.Collections.synchronizedList(new ArrayList<>());
    try (AuditJournal j = open(durability)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        fs.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            seqs.add(j.append("e", Map.of("t", id, "i", i)).sequence());
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
      assertThat(j.verify().ok()).isTrue();
    }
    assertThat(seqs).hasSize(threads * perThread).doesNotHaveDuplicates();
    assertThat(AuditJournal.verify(List.of(dir), null).entries()).isEqualTo(threads * perThread);
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void aBatchIsAppendedInOrderAsOneChainAndSurvivesAReopen(Durability durability) {
    List<AuditLog.NewEntry> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      batch.add(new AuditLog.NewEntry("batch.item", i % 2 == 0 ? Pseudonym.of("ps_" + i) : null, Map.of("i", i)));
    }
    try (AuditJournal j = open(durability)) {
      j.append("before", Map.of());
      List<AuditEntry> written = j.appendAll(batch);
      assertThat(written).extracting(AuditEntry::sequence).containsExactlyElementsOf(
          java.util.stream.LongStream.rangeClosed(2, 51).boxed().toList());
      assertThat(written.get(0).subject()).contains(Pseudonym.of("ps_0"));
      assertThat(written.get(1).subject()).isEmpty();
      assertThat(j.appendAll(List.of())).isEmpty();
    }
    try (AuditJournal j = open(durability)) {
      assertThat(j.lastSequence()).isEqualTo(51);
      assertThat(j.verify().ok()).isTrue();
    }
  }

  @Test
  void aBatchWithARefusedEntryWritesNoneOfIt() {
    try (AuditJournal j = open(Durability.GROUP_COMMIT)) {
      List<AuditLog.NewEntry> batch = List.of(new AuditLog.NewEntry("ok", null, Map.of()),
          new AuditLog.NewEntry("bad", null, Map.of("v", new Object())), new AuditLog.NewEntry("never", null, Map.of()));
      assertThatThrownBy(() -> j.appendAll(batch)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unsupported type");
      assertThat(j.lastSequence()).isZero();
      assertThatThrownBy(() -> j.appendAll(List.of(new AuditLog.NewEntry("fine", null, Map.of()),
          new AuditLog.NewEntry("Bad Type", null, Map.of()))))
          .hasMessageContaining("got 'Bad Type'");
      assertThat(j.lastSequence()).isZero();
      assertThat(j.appendAll(batch.subList(0, 1))).hasSize(1);
      assertThat(j.lastSequence()).isEqualTo(1);
      assertThat(j.verify().ok()).isTrue();
    }
  }

  @Test
  void pseudonymizerIsStableAndKeyed() {
    Pseudonymizer a = Pseudonymizer.withKey("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    Pseudonymizer b = Pseudonymizer.withKey("fedcba9876543210".getBytes(StandardCharsets.UTF_8));
    assertThat(a.pseudonym("alice@example.com")).isEqualTo(a.pseudonym("alice@example.com"));
    assertThat(a.pseudonym("alice@example.com")).isNotEqualTo(b.pseudonym("alice@example.com"));
    assertThat(a.pseudonym("alice@example.com").value()).startsWith("ps_").hasSize(25);
    assertThatThrownBy(() -> Pseudonymizer.withKey(new byte[4])).hasMessageContaining("at least 16 bytes, got 4");
  }
}
