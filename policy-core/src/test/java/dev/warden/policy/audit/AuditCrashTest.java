package dev.warden.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a child JVM with SIGKILL while it appends, several times over the same journal: every entry
 * the child saw acknowledged must be there, and the chain must verify after reopening.
 */
class AuditCrashTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} with {1} threads")
  @CsvSource({"SYNC, 1", "GROUP_COMMIT, 4", "OS, 2"})
  void acknowledgedEntriesSurviveKill9AndTheChainVerifies(Durability durability, int threads) throws Exception {
    Random rnd = new Random(42L + threads);
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < 3; round++) {
      Process child = start(durability, threads);
      CountDownLatch opened = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.startsWith("open ")) {
              opened.countDown();
            } else if (line.startsWith("ack ")) {
              acked.add(Long.parseLong(line.substring(4)));
            }
          }
        } catch (IOException e) {
          // the child died mid-line
        }
      });
      reader.start();
      assertThat(opened.await(60, TimeUnit.SECONDS)).as("child opened the journal").isTrue();
      int before = acked.size();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int target = before + 50 + rnd.nextInt(300);
      while (acked.size() < target && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      assertThat(acked.size()).as("round %d made progress", round).isGreaterThan(before);

      try (AuditJournal j = AuditJournal.builder(dir).durability(durability).open()) {
        long last = j.lastSequence();
        assertThat(j.verify().ok()).as("round %d verifies after repair", round).isTrue();
        Set<Long> present = new HashSet<>();
        try (Stream<AuditEntry> s = AuditJournal.entries(dir)) {
          s.forEach(e -> present.add(e.sequence()));
        }
        assertThat(present).hasSize((int) last);
        assertThat(present).containsAll(acked);
      }
    }
  }

  private Process start(Durability durability, int threads) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cp = new ArrayList<>();
    cp.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    cp.add(Path.of("target", "classes").toAbsolutePath().toString());
    for (String prop : new String[] {"jdk.module.path", "java.class.path"}) {
      String v = System.getProperty(prop);
      if (v != null && !v.isBlank()) {
        cp.add(v);
      }
    }
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
        String.join(File.pathSeparator, cp), JournalCrashChild.class.getName(), dir.toString(),
        durability.name(), Integer.toString(threads));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }
}
