package dev.warden.benchmarks.audit;

import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Audit journal appends per second in each durability mode, with a realistic consent payload.
 * {@code baseline} measures building the payload alone.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JournalAppendBenchmark -rf json}
 * (add {@code -t 4} to see group commit share fsyncs between threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class JournalAppendBenchmark {

  @Param({"OS", "GROUP_COMMIT", "SYNC"})
  public String durability;

  private Path dir;
  private AuditJournal journal;
  private final Pseudonym subject = Pseudonym.of("ps_Qm9vYmFyYmF6cXV4");
  private long counter;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("warden-jmh-journal");
    journal = AuditJournal.builder(dir).durability(Durability.valueOf(durability)).open();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    journal.close();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private Map<String, Object> payload() {
    return Map.of("policy", "warden-default@2025-11-05", "method", "banner",
        "granted", List.of("analytics", "functional"), "denied", List.of("advertising"),
        "n", counter++);
  }

  @Benchmark
  public Object baseline() {
    return payload();
  }

  @Benchmark
  public Object append() {
    return journal.append("consent.updated", subject, payload());
  }

  /** Eight appending threads: group commit shares one fsync among them. */
  @Benchmark
  @Threads(8)
  public Object append8Threads() {
    synchronized (this) {
      counter++;
    }
    return journal.append("consent.updated", subject, Map.of("policy", "warden-default@2025-11-05",
        "method", "banner", "granted", List.of("analytics", "functional"), "denied", List.of("advertising")));
  }
}
