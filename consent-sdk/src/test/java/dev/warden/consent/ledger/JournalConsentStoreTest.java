package dev.warden.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalConsentStoreTest {

  private static final Pseudonym ALICE = Pseudonym.of("ps_alice7Qx2");
  private static final Pseudonym BOB = Pseudonym.of("ps_bob9Kd1");

  @TempDir Path dir;

  private static ConsentLedger ledger(ConsentStore store) {
    return ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).build();
  }

  private Path currentJournal() throws IOException {
    String gen = Files.readString(dir.resolve("CURRENT")).strip();
    return dir.resolve(gen).resolve("journal");
  }

  @Test
  void recordsSurviveAReopenAndTheJournalVerifiesAsAnAuditJournal() throws IOException {
    ConsentRecord a;
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      a = ledger(s).record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
      ledger(s).record(BOB, Map.of(), CollectionMethod.BANNER, "nl");
    }
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      assertThat(s.latest(ALICE)).contains(a);
      assertThat(s.subjects()).containsExactlyInAnyOrder(ALICE, BOB);
      assertThat(s.recovery().orElseThrow().replayedEntries()).isEqualTo(2);
    }
    assertThat(AuditJournal.verify(List.of(currentJournal()), null).ok()).isTrue();
  }

  @Test
  void aTornLastLineIsRepairedAndReported() throws IOException {
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      ledger(s).record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
    }
    Path segment;
    try (Stream<Path> files = Files.list(currentJournal())) {
      segment = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    String torn = "{\"seq\":2,\"ts\":\"2026-";
    Files.writeString(segment, torn, StandardOpenOption.APPEND);
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      ConsentStore.Recovery r = s.recovery().orElseThrow();
      assertThat(r.repaired()).isTrue();
      assertThat(r.tornBytesDropped()).isEqualTo(torn.length());
      assertThat(s.history(ALICE)).hasSize(1);
      ledger(s).record(ALICE, Map.of(), CollectionMethod.BANNER, "en");
      assertThat(s.history(ALICE)).hasSize(2);
    }
  }

  @Test
  void snapshotsBoundWhatIsReplayedOnOpen() {
    try (ConsentStore s = ConsentStore.journal(dir).snapshotEvery(50).open()) {
      ConsentLedger l = ledger(s);
      for (int i = 0; i < 230; i++) {
        l.record(Pseudonym.of("ps_" + (i % 40)), Map.of("analytics", i % 2 == 0), CollectionMethod.API, "en");
      }
    }
    try (ConsentStore s = ConsentStore.journal(dir).snapshotEvery(50).open()) {
      ConsentStore.Recovery r = s.recovery().orElseThrow();
      assertThat(r.generation()).isGreaterThan(1);
      assertThat(r.replayedEntries()).isLessThanOrEqualTo(50);
      assertThat(r.snapshotRecords() + r.replayedEntries() - 1).as("minus the generation entry").isEqualTo(230);
      assertThat(s.subjects()).hasSize(40);
    }
  }

  @Test
  void erasureRemovesTheSubjectFromEveryFileAndKeepsOnlyTheProof() throws IOException {
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      ledger(s).record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
      ledger(s).record(BOB, Map.of("analytics", true), CollectionMethod.BANNER, "en");
      ErasureProof p = s.erase(ALICE, "dsr-7");
      assertThat(p.recordCount()).isEqualTo(1);
    }
    assertThat(filesContaining(ALICE.value())).as("files naming the erased subject").isEmpty();
    assertThat(filesContaining(BOB.value())).isNotEmpty();
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      assertThat(s.history(ALICE)).isEmpty();
      assertThat(s.erasureOf(ALICE)).hasValueSatisfying(p -> assertThat(p.reference()).contains("dsr-7"));
      assertThat(s.history(BOB)).hasSize(1);
    }
  }

  @Test
  void aBatchErasureIsReplayedAfterAReopenAndCompactRemovesItFromDisk() throws IOException {
    List<Pseudonym> many = java.util.stream.IntStream.range(0, 30).mapToObj(i -> Pseudonym.of("ps_batch" + i)).toList();
    try (ConsentStore s = ConsentStore.journal(dir).compactOnErase(false).open()) {
      for (Pseudonym p : many) {
        ledger(s).record(p, Map.of("analytics", true), CollectionMethod.BANNER, "en");
      }
      ledger(s).record(BOB, Map.of("analytics", true), CollectionMethod.BANNER, "en");
      List<ErasureProof> proofs = s.eraseAll(List.of(many.get(0), many.get(0), many.get(1)), "retention:r1");
      assertThat(proofs).hasSize(2).allSatisfy(p -> assertThat(p.recordCount()).isEqualTo(1));
      assertThat(proofs.get(0).isAbout(many.get(0))).isTrue();
      assertThat(s.eraseAll(List.of(), null)).isEmpty();
    }
    assertThat(filesContaining(many.get(0).value())).as("kept until the next snapshot").isNotEmpty();
    try (ConsentStore s = ConsentStore.journal(dir).compactOnErase(false).open()) {
      assertThat(s.history(many.get(0))).isEmpty();
      assertThat(s.erasureOf(many.get(1))).hasValueSatisfying(p -> assertThat(p.reference()).contains("retention:r1"));
      s.eraseAll(many.subList(2, 30), "retention:r1");
      s.compact();
      assertThat(s.subjects()).containsExactly(BOB);
    }
    for (Pseudonym p : many) {
      assertThat(filesContaining(p.value())).as("files naming %s", p).isEmpty();
    }
    assertThat(filesContaining(BOB.value())).isNotEmpty();
  }

  private List<Path> filesContaining(String text) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> {
        try {
          return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  @Test
  void aModifiedSnapshotIsRefused() throws IOException {
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      ledger(s).record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
      s.erase(BOB, null); // takes a snapshot holding Alice's record
    }
    String gen = Files.readString(dir.resolve("CURRENT")).strip();
    Path snapshot = dir.resolve(gen).resolve("snapshot.jsonl");
    Files.writeString(snapshot, Files.readString(snapshot).replace("\"analytics\":true", "\"analytics\":false"));
    assertThatThrownBy(() -> ConsentStore.journal(dir).open()).isInstanceOf(ConsentStoreException.class)
        .hasMessageEndingWith("the snapshot does not match its checksum (it was modified or damaged)");
  }

  @Test
  void aHalfMadeGenerationFromACrashIsDiscarded() throws IOException {
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      ledger(s).record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
    }
    Path orphan = Files.createDirectories(dir.resolve("gen-00000009").resolve("journal"));
    Files.writeString(orphan.getParent().resolve("snapshot.jsonl.tmp"), "{\"format\":");
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      assertThat(s.history(ALICE)).hasSize(1);
    }
    assertThat(dir.resolve("gen-00000009")).doesNotExist();
  }

  @Test
  void aDamagedCurrentFileOrAStoreInUseIsReportedClearly() throws IOException {
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      assertThatThrownBy(() -> ConsentStore.journal(dir).open()).isInstanceOf(ConsentStoreException.class)
          .hasMessageContaining("already open");
    }
    Files.writeString(dir.resolve("CURRENT"), "garbage\n");
    assertThatThrownBy(() -> ConsentStore.journal(dir).open())
        .hasMessageEndingWith("does not name a generation (expected gen-<number>, got 'garbage')");
    assertThatThrownBy(() -> ConsentStore.journal(dir).snapshotEvery(0))
        .hasMessage("snapshotEvery must be at least 1, got 0");
  }

  @Test
  void syncDurabilityAndHmacKeysPassThroughToTheJournal() throws IOException {
    byte[] key = "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);
    try (ConsentStore s = ConsentStore.journal(dir).durability(Durability.SYNC).hmacKey(key).open()) {
      ledger(s).record(ALICE, Map.of(), CollectionMethod.BANNER, "en");
    }
    assertThat(AuditJournal.verify(List.of(currentJournal()), key).ok()).isTrue();
    assertThat(AuditJournal.verify(List.of(currentJournal()), null).ok()).isFalse();
  }
}
