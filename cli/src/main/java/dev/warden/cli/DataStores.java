package dev.warden.cli;

import dev.warden.consent.ConsentException;
import dev.warden.consent.dsr.DataSubjectRequests;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.retention.AuditJournalSource;
import dev.warden.consent.retention.LegalHolds;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.consent.retention.RetentionEngine;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditJournalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded stores under one directory, as the retention and dsr commands use them
 * (docs/retention-and-dsr.md): {@code consent/} the consent ledger, {@code audit/} the audit
 * journal source, {@code retention/} legal holds and the run checkpoint, {@code dsr/} requests.
 */
final class DataStores implements AutoCloseable {

  final Path dir;
  final Policy policy;
  final ConsentStore consent;
  final AuditJournalSource audit;
  final LegalHolds holds;
  final List<PersonalDataSource> sources;

  private DataStores(Path dir, Policy policy, ConsentStore consent, AuditJournalSource audit) {
    this.dir = dir;
    this.policy = policy;
    this.consent = consent;
    this.audit = audit;
    this.holds = LegalHolds.builder().file(dir.resolve("retention").resolve("holds.json")).audit(audit).open();
    this.sources = List.of(PersonalDataSource.consentLedger(consent), audit);
  }

  /** Opens the stores under {@code dir}, which must already hold a consent ledger or an audit journal. */
  static DataStores open(Path dir, Policy policy) {
    if (!Files.isDirectory(dir.resolve("consent")) && !Files.isDirectory(dir.resolve("audit"))) {
      // Opening creates stores; a mistyped path must not become an empty store.
      throw new CliFailure(Main.EXIT_USAGE, "no Warden store at " + dir + " (expected consent/ or audit/ in it)");
    }
    ConsentStore consent = null;
    try {
      consent = ConsentStore.journal(dir.resolve("consent")).compactOnErase(false).open();
      AuditJournalSource audit = AuditJournalSource.builder(dir.resolve("audit")).open();
      try {
        return new DataStores(dir, policy, consent, audit);
      } catch (RuntimeException e) {
        audit.close();
        throw e;
      }
    } catch (ConsentException | AuditJournalException e) {
      if (consent != null) {
        consent.close();
      }
      throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
    } catch (RuntimeException e) {
      if (consent != null) {
        consent.close();
      }
      throw e;
    }
  }

  RetentionEngine engine(int batchSize) {
    RetentionEngine.Builder b = RetentionEngine.builder().policy(policy).holds(holds).audit(audit)
        .checkpointDirectory(dir.resolve("retention")).batchSize(batchSize);
    sources.forEach(b::source);
    return b.build();
  }

  DataSubjectRequests requests() {
    var b = DataSubjectRequests.builder().policy(policy).holds(holds).audit(audit).directory(dir.resolve("dsr"));
    sources.forEach(b::source);
    try {
      return b.open();
    } catch (ConsentException e) {
      throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      consent.close();
    } finally {
      audit.close();
    }
  }
}
