package dev.warden.consent.dsr;

import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.retention.AuditJournalSource;
import dev.warden.consent.retention.HostSource;
import dev.warden.consent.retention.LegalHolds;
import dev.warden.consent.retention.MutableClock;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Embedded stores, a host source and request handling over one directory, as a host wires them. */
final class DsrFixture implements AutoCloseable {

  static final Pseudonym ALICE = Pseudonym.of("ps_alice7Qx2");
  static final Pseudonym BOB = Pseudonym.of("ps_bob9Kd1");
  static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");

  final Path dir;
  final MutableClock clock;
  final ConsentStore store;
  final AuditJournalSource audit;
  final HostSource host;
  final LegalHolds holds;
  final DataSubjectRequests dsr;

  DsrFixture(Path dir, MutableClock clock, HostSource host, Policy policy) {
    this.dir = dir;
    this.clock = clock;
    this.host = host;
    store = ConsentStore.journal(dir.resolve("consent")).durability(Durability.OS).clock(clock)
        .compactOnErase(false).open();
    audit = AuditJournalSource.builder(dir.resolve("audit")).durability(Durability.OS).clock(clock).open();
    holds = LegalHolds.builder().file(dir.resolve("retention/holds.json")).audit(audit).clock(clock).open();
    AtomicInteger n = new AtomicInteger();
    dsr = DataSubjectRequests.builder().policy(policy).source(PersonalDataSource.consentLedger(store)).source(audit)
        .source(host).holds(holds).audit(audit).clock(clock).directory(dir.resolve("dsr"))
        .retryAfter(Duration.ofHours(1)).maxAttempts(3)
        .ids(() -> "dsr-" + clock.instant().getEpochSecond() + "-" + n.incrementAndGet()).open();
  }

  static HostSource newHost() {
    return new HostSource("accounts", Set.of("account", "usage"));
  }

  /** Gives a subject consent records, audit entries on two days, and host data. */
  void populate(Pseudonym p) {
    ConsentLedger ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).clock(clock).build();
    ledger.record(p, Map.of("analytics", true), CollectionMethod.BANNER, "en");
    audit.append("security.login", p, Map.of("method", "password"));
    audit.append("consent.given", p, Map.of("categories", java.util.List.of("analytics")));
    clock.advance(Duration.ofDays(1));
    ledger.record(p, Map.of("analytics", false), CollectionMethod.SETTINGS_PAGE, "en");
    ledger.withdraw(p, CollectionMethod.SETTINGS_PAGE, "en");
    audit.append("moderation.flagged", p, Map.of("category", "profanity"));
    host.add(p.value() + "-profile", p, "account", clock.instant(), Map.of(), Set.of(),
        Map.of("displayName", "name of " + p.value()));
    host.add(p.value() + "-visit", p, "usage", clock.instant());
    clock.advance(Duration.ofHours(1));
  }

  @Override
  public void close() {
    dsr.close();
    store.close();
    audit.close();
  }
}
