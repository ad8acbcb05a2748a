package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.dsr.DataSubjectRequest;
import dev.warden.consent.dsr.DataSubjectRequests;
import dev.warden.consent.dsr.RequestType;
import dev.warden.consent.dsr.SourceOutcome;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.ledger.ErasureProof;
import dev.warden.consent.retention.AuditJournalSource;
import dev.warden.consent.retention.HoldScope;
import dev.warden.consent.retention.LegalHolds;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.consent.retention.RetentionEngine;
import dev.warden.consent.retention.RetentionPlan;
import dev.warden.consent.retention.RetentionRun;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Three visitors over three and a half years on a simulated clock: the retention schedule erases
 * what is due except what a legal hold keeps, and an erasure request leaves only its proof.
 */
final class RetentionDemo implements DemoSection {

  private static final Pseudonym ANA = Pseudonym.of("ps_demo_ana");
  private static final Pseudonym BEN = Pseudonym.of("ps_demo_ben");
  private static final Pseudonym CY = Pseudonym.of("ps_demo_cy");

  private final Policy policy;

  RetentionDemo(Policy policy) {
    this.policy = policy;
  }

  @Override
  public String name() {
    return "retention";
  }

  /** A clock the demo moves by hand. */
  private static final class DemoClock extends Clock {
    private Instant now;

    DemoClock(Instant start) {
      now = start;
    }

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

  private record Result(RetentionPlan plan, RetentionRun run, String holdId, DataSubjectRequest erasure,
      ErasureProof proof) {}

  private Result run() {
    Path tmp;
    try {
      tmp = Files.createTempDirectory("warden-demo-retention");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DemoClock clock = new DemoClock(Instant.parse("2024-01-15T09:00:00Z"));
    try (ConsentStore store = ConsentStore.journal(tmp.resolve("consent")).durability(Durability.OS).clock(clock)
        .compactOnErase(false).open();
        AuditJournalSource audit = AuditJournalSource.builder(tmp.resolve("audit")).durability(Durability.OS)
            .clock(clock).open()) {
      ConsentLedger ledger = ConsentLedger.builder().policy(policy).store(store).clock(clock).build();
      for (Pseudonym p : new Pseudonym[] {ANA, BEN, CY}) {
        ledger.record(p, Map.of("analytics", true), CollectionMethod.BANNER, "en");
        audit.append("security.login", p, Map.of("method", "password"));
      }
      clock.now = Instant.parse("2024-02-01T09:00:00Z");
      ledger.withdraw(ANA, CollectionMethod.SETTINGS_PAGE, "en");
      ledger.withdraw(CY, CollectionMethod.SETTINGS_PAGE, "en");
      LegalHolds holds = LegalHolds.builder().audit(audit).clock(clock).open();
      String hold = holds.place(HoldScope.subject(CY), "claim 2027-12").id();
      clock.now = Instant.parse("2027-06-01T09:00:00Z");
      ledger.record(BEN, Map.of("analytics", true), CollectionMethod.BANNER, "en");
      audit.append("security.login", BEN, Map.of("method", "passkey"));
      RetentionEngine engine = RetentionEngine.builder().policy(policy).source(PersonalDataSource.consentLedger(store))
          .source(audit).holds(holds).audit(audit).clock(clock).build();
      RetentionPlan plan = engine.plan();
      RetentionRun run = engine.run();
      try (DataSubjectRequests dsr = DataSubjectRequests.builder().policy(policy)
          .source(PersonalDataSource.consentLedger(store)).source(audit).holds(holds).audit(audit).clock(clock)
          .ids(() -> "dsr-demo-1").open()) {
        String id = dsr.submit(RequestType.ERASURE, BEN).id();
        dsr.verify(id, "signed-in session");
        DataSubjectRequest erasure = dsr.process(id);
        return new Result(plan, run, hold, erasure, store.erasureOf(BEN).orElseThrow());
      }
    } finally {
      delete(tmp);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void printText(PrintWriter out) {
    Result r = run();
    out.println("January 2024: ana, ben and cy accept analytics and sign in; in February ana and cy withdraw;");
    out.println("cy's data is put under legal hold " + r.holdId() + ". June 2027, ben consents and signs in again. Retention:");
    for (RetentionPlan.Phase p : r.plan().phases()) {
      out.printf(Locale.ROOT, "  %-15s %-20s %-5s from %-18s due %d, kept %d%n", p.source(), p.dataCategory(),
          p.rule().period(), RetentionCommand.name(p.rule().from()), p.due().size(), p.held().size());
    }
    out.println("Run " + r.run().id() + ": erased " + r.run().erased() + " record(s), kept " + r.run().held()
        + " under the hold.");
    out.println("Erasure request " + r.erasure().id() + " by ben: " + r.erasure().state().id());
    for (SourceOutcome s : r.erasure().sources()) {
      out.println("  " + s.source() + ": " + s.records() + " record(s) erased");
    }
    out.println("What remains of ben in the ledger: a proof, subject digest " + r.proof().subjectDigest()
        .substring(0, 16) + "..., " + r.proof().recordCount() + " records, reference " + r.proof().reference()
        .orElse("-"));
  }

  @Override
  public JsonNode toJson() {
    Result r = run();
    ObjectNode o = Output.object();
    o.put("due", r.plan().dueCount());
    o.put("erased", r.run().erased());
    o.put("held", r.run().held());
    o.put("erasureRequest", r.erasure().id());
    o.put("erasureState", r.erasure().state().id());
    o.put("proofRecords", r.proof().recordCount());
    o.put("proofSubjectDigest", r.proof().subjectDigest());
    return o;
  }
}
