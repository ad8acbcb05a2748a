package dev.warden.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal store's commit queue: records in flight share writes and syncs, and none is lost. */
class GroupCommitTest {

  @TempDir Path dir;

  private static ConsentLedger ledger(ConsentStore store) {
    return ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).build();
  }

  private Path currentJournal() throws IOException {
    return dir.resolve(Files.readString(dir.resolve("CURRENT")).strip()).resolve("journal");
  }

  @Test
  void recordsInFlightAreWrittenInOrderAndAcknowledgedOnceDurable() throws IOException {
    List<ConsentRecord> made = new ArrayList<>();
    try (ConsentStore s = ConsentStore.journal(dir).snapshotEvery(1_000_000).open()) {
      ConsentLedger ledger = ledger(s);
      List<CompletableFuture<ConsentRecord>> futures = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        futures.add(ledger.recordAsync(Pseudonym.of("ps_" + (i % 97)), Map.of("analytics", i % 2 == 0),
            CollectionMethod.API, "en"));
      }
      for (CompletableFuture<ConsentRecord> f : futures) {
        ConsentRecord r = f.join();
        made.add(r);
        assertThat(s.history(r.subject())).as("acknowledged means indexed").contains(r);
      }
    }
    List<AuditEntry> entries;
    try (Stream<AuditEntry> e = AuditJournal.entries(currentJournal())) {
      entries = e.toList();
    }
    assertThat(entries).extracting(x -> x.payload().get("recordId"))
        .containsExactlyElementsOf(made.stream().map(ConsentRecord::recordId).toList());
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      for (ConsentRecord r : made) {
        assertThat(s.history(r.subject())).contains(r);
      }
    }
  }

  @Test
  void synchronousAndQueuedAppendsFromManyThreadsAllArriveAcrossSnapshots() throws Exception {
    int threads = 8;
    int perThread = 150;
    Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (ConsentStore s = ConsentStore.journal(dir).snapshotEvery(101).open()) {
      ConsentLedger ledger = ledger(s);
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = 7L * t;
        ts.add(Thread.ofPlatform().start(() -> {
          Random rnd = new Random(seed);
          List<CompletableFuture<ConsentRecord>> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            Pseudonym p = Pseudonym.of("ps_t" + seed + "_" + rnd.nextInt(20));
            if (rnd.nextBoolean()) {
              ids.add(ledger.record(p, Map.of("advertising", rnd.nextBoolean()), CollectionMethod.BANNER, "en")
                  .recordId());
            } else {
              mine.add(ledger.recordAsync(p, Map.of("analytics", rnd.nextBoolean()), CollectionMethod.API, "en"));
            }
          }
          mine.forEach(f -> ids.add(f.join().recordId()));
        }));
      }
      for (Thread t : ts) {
        t.join();
      }
    }
    assertThat(ids).hasSize(threads * perThread);
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      Set<String> found = new HashSet<>();
      s.subjects().forEach(p -> s.history(p).forEach(r -> found.add(r.recordId())));
      assertThat(found).isEqualTo(ids);
      assertThat(s.recovery().orElseThrow().replayedEntries()).as("snapshots kept the replay short").isLessThan(400);
    }
  }

  @Test
  void anErasureWaitsForTheSubjectsQueuedRecords() {
    try (ConsentStore s = ConsentStore.journal(dir).open()) {
      ConsentLedger ledger = ledger(s);
      Pseudonym p = Pseudonym.of("ps_erase_me");
      List<CompletableFuture<ConsentRecord>> fs = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        fs.add(ledger.recordAsync(p, Map.of("analytics", i % 2 == 0), CollectionMethod.API, "en"));
      }
      ErasureProof proof = ledger.erase(p, "dsr-1");
      fs.forEach(CompletableFuture::join);
      assertThat(proof.recordCount()).isEqualTo(50);
      assertThat(s.history(p)).isEmpty();
    }
  }

  @Test
  void closingWritesWhatIsQueuedAndThenRefusesRecords() {
    List<CompletableFuture<ConsentRecord>> fs = new ArrayList<>();
    ConsentStore s = ConsentStore.journal(dir).open();
    ConsentLedger ledger = ledger(s);
    for (int i = 0; i < 300; i++) {
      fs.add(ledger.recordAsync(Pseudonym.of("ps_c" + i), Map.of(), CollectionMethod.API, "en"));
    }
    s.close();
    assertThat(fs).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    assertThatThrownBy(() -> ledger.recordAsync(Pseudonym.of("ps_late"), Map.of(), CollectionMethod.API, "en"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    assertThatThrownBy(() -> ledger.record(Pseudonym.of("ps_late"), Map.of(), CollectionMethod.API, "en"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    try (ConsentStore again = ConsentStore.journal(dir).open()) {
      assertThat(again.subjects().count()).isEqualTo(300);
    }
  }

  @Test
  void theInMemoryStoreCompletesAtOnce() {
    ConsentStore s = ConsentStore.inMemory();
    CompletableFuture<ConsentRecord> f = ledger(s).recordAsync(Pseudonym.of("ps_m"), Map.of(), CollectionMethod.API,
        "en");
    assertThat(f).isCompleted();
    assertThat(s.latest(Pseudonym.of("ps_m"))).contains(f.join());
  }
}
