package dev.warden.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.audit.Pseudonym;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged records survive {@code kill -9}: a child JVM appends with group commit and reports
 * each acknowledged record; the test kills it without warning (SIGKILL) mid-stream, reopens the
 * store and finds every acknowledged record.
 */
class KillNineTest {

  @TempDir Path dir;

  @Test
  void everyAcknowledgedRecordSurvivesKillNine() throws Exception {
    for (String[] run : new String[][] {{"1000000", "sync"}, {"97", "sync"}, {"97", "async"}}) {
      String snapshotEvery = run[0];
      Path store = dir.resolve("store-" + snapshotEvery + "-" + run[1]);
      Map<String, String> acked = runAndKill(store, snapshotEvery, run[1], 400);
      try (ConsentStore s = ConsentStore.journal(store).open()) {
        Set<String> found = new LinkedHashSet<>();
        for (String subject : new LinkedHashSet<>(acked.values())) {
          s.history(Pseudonym.of(subject)).forEach(r -> found.add(r.recordId()));
        }
        assertThat(found).as("records found after kill -9 (snapshot every %s, %s)", snapshotEvery, run[1])
            .containsAll(acked.keySet());
      }
    }
  }

  private static Map<String, String> runAndKill(Path store, String snapshotEvery, String mode, int atLeast)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath(), LedgerChild.class.getName(),
        store.toString(), snapshotEvery, mode);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    Map<String, String> acked = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          String[] f = line.split(" ");
          acked.put(f[1], f[2]);
          if (acked.size() >= atLeast) {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            break;
          }
        }
      }
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();
    }
    assertThat(acked).as("the child acknowledged records before it was killed").hasSizeGreaterThanOrEqualTo(atLeast);
    return acked;
  }

  /** The module path and class path of this test JVM plus the test classes, as one class path. */
  private static String classPath() throws Exception {
    Set<String> entries = new LinkedHashSet<>();
    entries.add(Path.of(LedgerChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    for (String prop : new String[] {"jdk.module.path", "java.class.path"}) {
      String v = System.getProperty(prop);
      if (v != null && !v.isEmpty()) {
        for (String e : v.split(File.pathSeparator)) {
          if (!e.isEmpty()) {
            entries.add(e);
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
