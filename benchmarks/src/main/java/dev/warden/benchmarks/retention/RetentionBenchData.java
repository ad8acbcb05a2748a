package dev.warden.benchmarks.retention;

import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.retention.AuditJournalSource;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Seeded embedded stores for the retention and export benchmarks, built once and copied per run. */
final class RetentionBenchData {

  /** The instant the benchmarks run at. */
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private RetentionBenchData() {}

  /** A clock the data builder moves by hand. */
  static final class SetClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * Stores holding {@code subjects} subjects with three consent records and one sign-in each: nine
   * in ten withdrew consent in 2021 and signed in in 2021 (all four records due), one in ten is
   * active (nothing due). Consent records go to {@code dir/consent}, sign-ins to {@code dir/audit}.
   */
  static void buildRetentionStores(Path dir, int subjects) {
    SetClock clock = new SetClock();
    try (ConsentStore store = ConsentStore.journal(dir.resolve("consent")).durability(Durability.OS).clock(clock)
        .snapshotEvery(Long.MAX_VALUE).compactOnErase(false).open();
        AuditJournalSource audit = AuditJournalSource.builder(dir.resolve("audit")).durability(Durability.OS)
            .clock(clock).open()) {
      ConsentLedger ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).clock(clock).build();
      for (int i = 0; i < subjects; i++) {
        Pseudonym p = Pseudonym.of("ps_b" + Integer.toString(i * 7919 + 13, 36));
        boolean active = i % 10 == 0;
        Instant start = active ? NOW.minus(Duration.ofDays(30)) : Instant.parse("2021-03-01T00:00:00Z");
        clock.now = start.plusSeconds(i % 86_400);
        ledger.record(p, Map.of("analytics", true), CollectionMethod.BANNER, "en");
        clock.now = clock.now.plus(Duration.ofDays(2));
        ledger.record(p, Map.of("analytics", true, "advertising", true), CollectionMethod.SETTINGS_PAGE, "en");
        audit.append("security.login", p, Map.of("method", "password"));
        clock.now = clock.now.plus(Duration.ofDays(2));
        if (active) {
          ledger.record(p, Map.of("analytics", false), CollectionMethod.SETTINGS_PAGE, "en");
        } else {
          ledger.withdraw(p, CollectionMethod.SETTINGS_PAGE, "en");
        }
      }
      store.compact(); // copies open from a snapshot, as a long-running store would
    }
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().endsWith(".lock")) {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
