package dev.warden.consent.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retention run interrupted by crashes resumes without erasing anything twice or missing
 * anything: child JVMs run it over the embedded stores, one halts right after a batch's erasure
 * (before its checkpoint), the next is killed with SIGKILL mid-run, and this JVM finishes the run.
 */
class RetentionCrashTest {

  private static final Instant NOW = CrashFixture.NOW;
  private static final Pseudonym HELD = Pseudonym.of("ps_c0");

  @TempDir Path dir;

  @Test
  void aRunHaltedAndThenKilledMidwayResumesWithoutErasingTwiceOrMissingAnything() throws Exception {
    Map<Pseudonym, Integer> dueTrails = new HashMap<>();
    Map<Pseudonym, Integer> keptTrails = new HashMap<>();
    MutableClock clock = new MutableClock(NOW);
    try (CrashFixture f = new CrashFixture(dir, clock, s -> s)) {
      ConsentLedger ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(f.store).clock(clock).build();
      for (int i = 0; i < 240; i++) {
        Pseudonym p = Pseudonym.of("ps_c" + i);
        clock.set(NOW.atOffset(ZoneOffset.UTC).minusYears(5).toInstant().plus(Duration.ofMinutes(i)));
        ledger.record(p, Map.of("analytics", true), CollectionMethod.BANNER, "en");
        if (i % 3 == 0) {
          ledger.record(p, Map.of("analytics", false), CollectionMethod.SETTINGS_PAGE, "en");
        }
        if (i % 4 == 0 || i % 4 == 2) {
          clock.set(NOW.atOffset(ZoneOffset.UTC).minusYears(4).toInstant().plus(Duration.ofMinutes(i)));
          ledger.withdraw(p, CollectionMethod.SETTINGS_PAGE, "en"); // withdrawn four years ago: due
        } else if (i % 4 == 3) {
          clock.set(NOW.minus(Duration.ofDays(30)));
          ledger.record(p, Map.of("analytics", true), CollectionMethod.BANNER, "en"); // renewed: kept
        } // i % 4 == 1: expired four years ago without renewal: due
        clock.set(NOW.atOffset(ZoneOffset.UTC).minusYears(2).toInstant().plus(Duration.ofMinutes(i)));
        f.audit.append("security.login", p, Map.of("method", "password"));
        clock.set(NOW.minus(Duration.ofDays(10)).plus(Duration.ofMinutes(i)));
        f.audit.append("security.login", p, Map.of("method", "passkey"));
        int size = f.store.history(p).size();
        (i % 4 == 3 || p.equals(HELD) ? keptTrails : dueTrails).put(p, size);
      }
      f.holds.place(HoldScope.subject(HELD), "claim 2029-88");
    }
    long dueRecords = dueTrails.values().stream().mapToInt(Integer::intValue).sum() + 239; // + old audit days

    assertThat(child("halt:3").waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(dir.resolve("retention").resolve(Checkpoint.FILE)).as("the halted run left its checkpoint").exists();
    killMidRun();

    Clock later = Clock.fixed(NOW.plus(Duration.ofDays(5)), ZoneOffset.UTC);
    try (CrashFixture f = new CrashFixture(dir, later, s -> s)) {
      assertThat(f.engine.hasInterruptedRun()).isTrue();
      RetentionRun run = f.engine.run();
      assertThat(run.resumed()).isTrue();
      assertThat(run.at()).as("a resumed run keeps its instant").isEqualTo(NOW);
      assertThat(run.erased()).as("erased over the three processes").isEqualTo(dueRecords);
      assertThat(run.held()).isEqualTo(keptTrails.get(HELD) + 1);
      for (Map.Entry<Pseudonym, Integer> e : dueTrails.entrySet()) {
        assertThat(f.store.history(e.getKey())).as("%s erased", e.getKey()).isEmpty();
        assertThat(f.store.erasureOf(e.getKey())).as("%s erased once, every record", e.getKey())
            .hasValueSatisfying(p -> {
              assertThat(p.recordCount()).isEqualTo(e.getValue());
              assertThat(p.reference()).contains("retention:" + run.id());
            });
      }
      for (Map.Entry<Pseudonym, Integer> e : keptTrails.entrySet()) {
        assertThat(f.store.history(e.getKey())).as("%s kept", e.getKey()).hasSize(e.getValue());
        assertThat(f.store.erasureOf(e.getKey())).isEmpty();
      }
      for (int i = 0; i < 240; i++) {
        Pseudonym p = Pseudonym.of("ps_c" + i);
        assertThat(f.audit.records(p)).as("audit days of %s", p).hasSize(p.equals(HELD) ? 2 : 1);
      }
      assertThat(f.engine.hasInterruptedRun()).isFalse();
      assertThat(f.engine.run().erased()).as("nothing left to erase").isZero();
      assertThat(f.audit.verify().ok()).isTrue();
    }
  }

  private void killMidRun() throws Exception {
    Process p = child("slow");
    int batches = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        assertThat(line).as("the child must not finish before it is killed").isNotEqualTo("DONE");
        if (line.startsWith("ERASED ") && ++batches == 4) {
          p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
          break;
        }
      }
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();
    }
    assertThat(batches).as("batches the killed child erased").isEqualTo(4);
  }

  private Process child(String mode) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath(), RetentionCrashChild.class.getName(),
        dir.toString(), mode, NOW.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  @Test
  void aRunInterruptedInsideABatchNeverAsksASourceToEraseARecordTwice() {
    MutableClock clock = new MutableClock(NOW);
    HostSource host = new HostSource("accounts", Set.of("usage"));
    for (int i = 0; i < 100; i++) {
      host.add("u" + i, Pseudonym.of("ps_u" + (i % 37)), "usage", NOW.minus(Duration.ofDays(100 + i)));
      host.add("fresh" + i, Pseudonym.of("ps_u" + (i % 37)), "usage", NOW.minus(Duration.ofDays(10)));
    }
    try (AuditJournalSource audit = AuditJournalSource.builder(dir.resolve("audit")).clock(clock)
        .durability(dev.warden.policy.audit.Durability.OS).open()) {
      RetentionEngine engine = RetentionEngine.builder().policy(Policy.defaultPolicy()).source(host).audit(audit)
          .clock(clock).checkpointDirectory(dir.resolve("retention")).batchSize(10).build();
      host.crashAfterErase(3);
      assertThatThrownBy(engine::run).isInstanceOf(Error.class).hasMessageContaining("simulated crash");
      assertThat(engine.hasInterruptedRun()).isTrue();
      clock.advance(Duration.ofDays(1));
      RetentionRun run = engine.run();
      assertThat(run.resumed()).isTrue();
      assertThat(run.erased()).isEqualTo(100);
      assertThat(run.phases().get(0).recovered()).as("the interrupted batch, counted after the crash").isPositive();
    }
    List<String> asked = host.asked();
    assertThat(asked).doesNotHaveDuplicates().hasSize(100).allMatch(id -> id.startsWith("u"));
    assertThat(host.all().keySet()).allMatch(id -> id.startsWith("fresh")).hasSize(100);
  }

  /** The module path and class path of this test JVM plus the test classes, as one class path. */
  private static String classPath() throws Exception {
    Set<String> entries = new LinkedHashSet<>();
    entries.add(Path.of(RetentionCrashChild.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString());
    for (String prop : new String[] {"jdk.module.path", "java.class.path"}) {
      String v = System.getProperty(prop);
      if (v != null && !v.isEmpty()) {
        for (String e : v.split(File.pathSeparator)) {
          if (!e.isEmpty() && Files.exists(Path.of(e))) {
            entries.add(e);
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
