package dev.warden.benchmarks.retention;

import dev.warden.consent.ledger.ConsentEvent;
import dev.warden.consent.ledger.ConsentRecord;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.ledger.ErasureProof;
import dev.warden.consent.retention.AuditJournalSource;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.consent.retention.PersonalRecord;
import dev.warden.consent.retention.RetentionEngine;
import dev.warden.consent.retention.RetentionRun;
import dev.warden.policy.Policy;
import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One retention run over {@code records} records in the embedded stores (three consent records and
 * one audit sign-in per subject; nine subjects in ten due), durable stores with group commit as a
 * host runs them. {@code engine} is {@link RetentionEngine#run()}: policy rules, legal holds,
 * batches of {@code batch} records with a checkpoint and an audit entry after each, one purge at
 * the end. {@code directCalls} is the job a host writes by hand instead: the same due subjects
 * found with inline date arithmetic, erased with one {@code eraseAll} and one keyring erasure, one
 * compaction, no plan, holds, checkpoint or audit. Each iteration runs once on a fresh copy of the
 * stores; records erased per second = erased records / time.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RetentionRunBenchmark -f 1 -wi 1 -i 3
 * -rf json -rff /tmp/retention-run.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class RetentionRunBenchmark {

  @Param({"1000000"})
  int records;

  @Param({"5000"})
  int batch;

  private long expected;
  private Path template;
  private Path work;
  private ConsentStore store;
  private AuditJournalSource audit;
  private RetentionEngine engine;
  private final Clock clock = Clock.fixed(RetentionBenchData.NOW, ZoneOffset.UTC);

  @Setup(Level.Trial)
  public void buildTemplate() throws IOException {
    template = Files.createTempDirectory("warden-retention-template");
    int subjects = records / 4;
    RetentionBenchData.buildRetentionStores(template, subjects);
    expected = 4L * (subjects - (subjects + 9) / 10);
  }

  @Setup(Level.Iteration)
  public void openCopy() throws IOException {
    work = Files.createTempDirectory("warden-retention-run");
    RetentionBenchData.copy(template, work);
    store = ConsentStore.journal(work.resolve("consent")).durability(Durability.GROUP_COMMIT).clock(clock)
        .snapshotEvery(Long.MAX_VALUE).compactOnErase(false).open();
    audit = AuditJournalSource.builder(work.resolve("audit")).durability(Durability.GROUP_COMMIT).clock(clock).open();
    engine = RetentionEngine.builder().policy(Policy.defaultPolicy()).source(PersonalDataSource.consentLedger(store))
        .source(audit).audit(audit).clock(clock).checkpointDirectory(work.resolve("retention")).batchSize(batch)
        .build();
  }

  @TearDown(Level.Iteration)
  public void closeCopy() {
    store.close();
    audit.close();
    RetentionBenchData.delete(work);
  }

  @TearDown(Level.Trial)
  public void deleteTemplate() {
    RetentionBenchData.delete(template);
  }

  @Benchmark
  public long engine() {
    RetentionRun run = engine.run();
    if (run.erased() != expected) {
      throw new IllegalStateException("erased " + run.erased() + ", expected " + expected);
    }
    return run.erased();
  }

  @Benchmark
  public long directCalls() {
    Instant now = clock.instant();
    List<Pseudonym> due = new ArrayList<>();
    store.subjects().forEach(s -> {
      List<ConsentRecord> trail = store.history(s);
      ConsentRecord last = trail.get(trail.size() - 1);
      Instant ended = last.event() == ConsentEvent.WITHDRAWN ? last.timestamp() : last.expiresAt();
      if (!ended.atOffset(ZoneOffset.UTC).plusYears(3).toInstant().isAfter(now)) {
        due.add(s);
      }
    });
    long erased = 0;
    for (ErasureProof p : store.eraseAll(due, "cron")) {
      erased += p.recordCount();
    }
    store.compact();
    List<PersonalRecord> days;
    try (Stream<PersonalRecord> s = audit.recordsBefore("security-logs", RetentionTrigger.COLLECTED,
        now.atOffset(ZoneOffset.UTC).minusYears(1).toInstant())) {
      days = s.toList();
    }
    erased += audit.erase(days, "cron").erased();
    audit.purge();
    if (erased != expected) {
      throw new IllegalStateException("erased " + erased + ", expected " + expected);
    }
    return erased;
  }
}
