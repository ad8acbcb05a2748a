package dev.warden.consent.retention;

import dev.warden.consent.ledger.ConsentStore;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Durability;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** The stores of the crash tests, opened the same way in the test and in its child JVMs. */
final class CrashFixture implements AutoCloseable {

  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final int BATCH = 25;

  final ConsentStore store;
  final AuditJournalSource audit;
  final LegalHolds holds;
  final RetentionEngine engine;

  CrashFixture(Path dir, Clock clock, UnaryOperator<PersonalDataSource> wrap) {
    store = ConsentStore.journal(dir.resolve("consent")).durability(Durability.OS).clock(clock)
        .compactOnErase(false).open();
    audit = AuditJournalSource.builder(dir.resolve("audit")).durability(Durability.OS).clock(clock).open();
    holds = LegalHolds.builder().file(dir.resolve("retention/holds.json")).audit(audit).clock(clock).open();
    RetentionEngine.Builder b = RetentionEngine.builder().policy(Policy.defaultPolicy()).holds(holds).audit(audit)
        .clock(clock).checkpointDirectory(dir.resolve("retention")).batchSize(BATCH);
    for (PersonalDataSource s : List.of(PersonalDataSource.consentLedger(store), audit)) {
      b.source(wrap.apply(s));
    }
    engine = b.build();
  }

  @Override
  public void close() {
    store.close();
    audit.close();
  }
}
