package dev.warden.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJournalBatchTest {

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private static List<AuditLog.NewEntry> batch(int from, int n) {
    List<AuditLog.NewEntry> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add(new AuditLog.NewEntry("consent.record", i % 3 == 0 ? null : Pseudonym.of("ps_" + i), Map.of("i", i)));
    }
    return out;
  }

  private List<AuditEntry> readBack() {
    try (Stream<AuditEntry> s = AuditJournal.entries(dir)) {
      return s.toList();
    }
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void aBatchContinuesTheChainOfSingleAppendsAndVerifies(Durability durability) {
    try (AuditJournal j = AuditJournal.builder(dir).durability(durability).clock(clock).open()) {
      AuditEntry first = j.append("consent.record", Map.of("i", -1));
      List<AuditEntry> batch = j.appendAll(batch(0, 25));
      AuditEntry last = j.append("consent.record", Map.of("i", 99));
      assertThat(batch).extracting(AuditEntry::sequence).containsExactlyElementsOf(
          java.util.stream.LongStream.rangeClosed(2, 26).boxed().toList());
      assertThat(batch.get(0).previousHash()).isEqualTo(first.hash());
      assertThat(last.previousHash()).isEqualTo(batch.get(24).hash());
      assertThat(j.appendAll(List.of())).isEmpty();
    }
    List<AuditEntry> read = readBack();
    assertThat(read).hasSize(27);
    assertThat(read.get(5).payload()).containsEntry("i", 4);
    assertThat(read.get(5).subject()).contains(Pseudonym.of("ps_4"));
    assertThat(AuditJournal.verify(List.of(dir), null).ok()).isTrue();
  }

  @Test
  void aBatchThatFillsSegmentsRotatesBetweenEntries() throws IOException {
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).maxSegmentBytes(4096).open()) {
      j.appendAll(batch(0, 120));
      j.appendAll(batch(120, 5));
    }
    assertThat(JournalFiles.segments(dir).size()).isGreaterThan(2);
    VerificationReport r = AuditJournal.verify(List.of(dir), null);
    assertThat(r.ok()).isTrue();
    assertThat(r.entries()).isEqualTo(125);
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).maxSegmentBytes(4096).open()) {
      assertThat(j.lastSequence()).isEqualTo(125);
    }
  }

  @Test
  void aRefusedEntryStopsTheWholeBatch() {
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).open()) {
      j.appendAll(batch(0, 3));
      List<AuditLog.NewEntry> bad = new ArrayList<>(batch(3, 3));
      bad.add(new AuditLog.NewEntry("consent.record", null, Map.of("x", new Object())));
      assertThatThrownBy(() -> j.appendAll(bad)).isInstanceOf(IllegalArgumentException.class);
      List<AuditLog.NewEntry> badType = List.of(batch(9, 1).get(0), new AuditLog.NewEntry("Bad Type", null, Map.of()));
      assertThatThrownBy(() -> j.appendAll(badType)).isInstanceOf(IllegalArgumentException.class);
      assertThat(j.lastSequence()).isEqualTo(3);
      assertThat(j.append("consent.record", Map.of()).sequence()).isEqualTo(4);
    }
    assertThat(AuditJournal.verify(List.of(dir), null).entries()).isEqualTo(4);
  }

  @Test
  void concurrentBatchesAndAppendsKeepOneChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).maxSegmentBytes(16_384).open()) {
      List<Future<Integer>> fs = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        long seed = 40 + t;
        fs.add(pool.submit(() -> {
          Random rnd = new Random(seed);
          int n = 0;
          for (int k = 0; k < 30; k++) {
            if (rnd.nextBoolean()) {
              int size = 1 + rnd.nextInt(20);
              n += j.appendAll(batch(n, size)).size();
            } else {
              j.append("consent.record", Map.of("k", k));
              n++;
            }
          }
          return n;
        }));
      }
      int total = 0;
      for (Future<Integer> f : fs) {
        total += f.get();
      }
      assertThat(j.lastSequence()).isEqualTo(total);
      assertThat(j.verify().ok()).isTrue();
    } finally {
      pool.shutdown();
    }
  }
}
