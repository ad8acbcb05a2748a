package dev.warden.benchmarks.audit;

import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.audit.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification speed of an audit journal in entries per second, next to the floor that any
 * verifier pays: reading the files and hashing every byte once ({@code readAndHashBaseline}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JournalVerifyBenchmark -rf json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class JournalVerifyBenchmark {

  static final int ENTRIES = 100_000;

  @Param({"100000"})
  public int entries;

  private Path dir;

  @Setup(Level.Trial)
  public void write() throws IOException {
    dir = Files.createTempDirectory("warden-jmh-verify");
    Random rnd = new Random(7);
    try (AuditJournal j = AuditJournal.builder(dir).durability(Durability.OS).open()) {
      for (int i = 0; i < entries; i++) {
        j.append(i % 2 == 0 ? "consent.updated" : "moderation.decided", Pseudonym.of("ps_" + rnd.nextInt(10_000)),
            Map.of("policy", "warden-default@2025-11-05", "granted", List.of("analytics"), "n", i));
      }
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public VerificationReport verify() {
    VerificationReport r = AuditJournal.verify(List.of(dir), null);
    if (!r.ok()) {
      throw new IllegalStateException(r.problems().get(0).toString());
    }
    return r;
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public byte[] readAndHashBaseline() throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
          }
        }
      }
    }
    return md.digest();
  }
}
