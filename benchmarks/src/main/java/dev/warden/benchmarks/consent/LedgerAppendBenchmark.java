package dev.warden.benchmarks.consent;

import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentRecord;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Durable consent records with group commit: 32 threads record choices through the ledger into
 * the embedded journal store, each record acknowledged only after an fsync that covers it. {@code
 * warden} blocks each thread until its record is durable, so it is bound by threads per fsync;
 * {@code wardenInFlight} keeps {@value #IN_FLIGHT} records in flight per thread ({@link
 * ConsentLedger#recordAsync}), as a server with many concurrent requests (or virtual threads) does,
 * so batches share one write and one fsync. The peer is policy-core's bare {@link AuditJournal}
 * appending the same payload from the same 32 threads (what a host would use to log consents
 * itself). One operation is one acknowledged record.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LedgerAppendBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(32)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class LedgerAppendBenchmark {

  private static final Map<String, Boolean> CHOICE = Map.of("analytics", true, "advertising", false);

  private Path dir;
  private ConsentStore store;
  private ConsentLedger ledger;
  private AuditJournal journal;
  private Map<String, Object> payload;
  private Pseudonym[] subjects;

  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("warden-ledger-bench");
    // Snapshots are taken every million entries: this measures appends, not snapshot pauses.
    store = ConsentStore.journal(dir.resolve("ledger")).durability(Durability.GROUP_COMMIT)
        .snapshotEvery(1_000_000).open();
    ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).build();
    journal = AuditJournal.builder(dir.resolve("journal")).durability(Durability.GROUP_COMMIT).open();
    subjects = new Pseudonym[4096];
    for (int i = 0; i < subjects.length; i++) {
      subjects[i] = Pseudonym.of("ps_bench_" + i);
    }
    ConsentRecord sample = ledger.record(subjects[0], CHOICE, CollectionMethod.BANNER, "en");
    payload = Map.of("categories", sample.categories(), "purposes", sample.purposes(), "method", "banner",
        "language", "en", "policy", sample.policy().toString());
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws IOException {
    store.close();
    journal.close();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Benchmark
  public ConsentRecord warden() {
    return ledger.record(subjects[ThreadLocalRandom.current().nextInt(subjects.length)], CHOICE,
        CollectionMethod.BANNER, "en");
  }

  static final int IN_FLIGHT = 256;

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public ConsentRecord wardenInFlight() {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    @SuppressWarnings("unchecked")
    CompletableFuture<ConsentRecord>[] fs = new CompletableFuture[IN_FLIGHT];
    for (int k = 0; k < IN_FLIGHT; k++) {
      fs[k] = ledger.recordAsync(subjects[rnd.nextInt(subjects.length)], CHOICE, CollectionMethod.BANNER, "en");
    }
    ConsentRecord last = null;
    for (CompletableFuture<ConsentRecord> f : fs) {
      last = f.join();
    }
    return last;
  }

  @Benchmark
  public AuditEntry auditJournalPeer() {
    return journal.append("consent.recorded", subjects[ThreadLocalRandom.current().nextInt(subjects.length)], payload);
  }
}
