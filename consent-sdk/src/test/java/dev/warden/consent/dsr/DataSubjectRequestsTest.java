package dev.warden.consent.dsr;

import static dev.warden.consent.dsr.DsrFixture.ALICE;
import static dev.warden.consent.dsr.DsrFixture.BOB;
import static dev.warden.consent.dsr.DsrFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.consent.retention.HostSource;
import dev.warden.consent.retention.MutableClock;
import dev.warden.policy.DataSubjectRight;
import dev.warden.policy.DataSubjectRights;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSubjectRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private DsrFixture fixture() {
    return new DsrFixture(dir, new MutableClock(T0), DsrFixture.newHost(), Policy.defaultPolicy());
  }

  @Test
  void anAccessRequestGoesFromReceivedToCompletedAndEveryStepIsAuditedWithoutNamingTheSubject() throws IOException {
    String id;
    try (DsrFixture f = fixture()) {
      f.populate(ALICE);
      f.clock.set(T0);
      DataSubjectRequest r = f.dsr.submit(RequestType.ACCESS, ALICE);
      id = r.id();
      assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
      assertThat(r.dueAt()).as("one month from 31 January").isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
      f.dsr.verify(id, "signed-in session");
      r = f.dsr.process(id);
      assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
      assertThat(r.history()).extracting(Transition::state).containsExactly(RequestState.RECEIVED,
          RequestState.VERIFIED, RequestState.IN_PROGRESS, RequestState.COMPLETED);
      assertThat(r.history().get(1).note()).contains("signed-in session");
      assertThat(r.sources()).extracting(SourceOutcome::source, SourceOutcome::status, SourceOutcome::records)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("consent-ledger", SourceOutcome.Status.DONE, 3),
              org.assertj.core.groups.Tuple.tuple("audit-journal", SourceOutcome.Status.DONE, 3),
              org.assertj.core.groups.Tuple.tuple("accounts", SourceOutcome.Status.DONE, 2));
    }
    List<AuditEntry> steps;
    try (Stream<AuditEntry> s = AuditJournal.entries(dir.resolve("audit/journal"))) {
      steps = s.filter(e -> e.type().startsWith("dsr.")).toList();
    }
    assertThat(steps).extracting(AuditEntry::type).containsExactly("dsr.received", "dsr.verified",
        "dsr.in-progress", "dsr.source", "dsr.source", "dsr.source", "dsr.completed");
    assertThat(steps).allSatisfy(e -> {
      assertThat(e.subject()).isEmpty();
      assertThat(e.payload().get("request")).isEqualTo(id);
    });
  }

  @Test
  void theExportIsOneDocumentWithEachSourcesDataPurposesRecipientsRetentionAndOrigin() throws IOException {
    try (DsrFixture f = fixture()) {
      f.populate(ALICE);
      f.populate(BOB);
      String id = f.dsr.submit(RequestType.EXPORT, ALICE).id();
      f.dsr.verify(id, "e-mail link");
      f.dsr.process(id);
      JsonNode doc = JSON.readTree(f.dsr.export(id));
      assertThat(doc.get("schema").asText()).isEqualTo("warden-dsr-export/1");
      assertThat(doc.get("subject").asText()).isEqualTo(ALICE.value());
      assertThat(doc.at("/request/type").asText()).isEqualTo("export");
      assertThat(doc.at("/controller/email").asText()).isEqualTo("privacy@example.com");
      assertThat(doc.get("rights")).extracting(JsonNode::asText).contains("access", "erasure", "portability");
      assertThat(doc.get("complaint").asText()).contains("Art. 77");
      JsonNode ledger = doc.at("/sources/0");
      assertThat(ledger.get("source").asText()).isEqualTo("consent-ledger");
      assertThat(ledger.get("origin").asText()).contains("consent banner");
      assertThat(ledger.get("records").asInt()).isEqualTo(3);
      JsonNode consent = ledger.at("/dataCategories/0");
      assertThat(consent.get("id").asText()).isEqualTo("consent-records");
      assertThat(consent.at("/purposes/0/id").asText()).isEqualTo("consent-record");
      assertThat(consent.at("/purposes/0/legalBasis").asText()).isEqualTo("legal-obligation");
      assertThat(consent.at("/retention/period").asText()).isEqualTo("P3Y");
      assertThat(consent.at("/retention/from").asText()).isEqualTo("consent-withdrawn");
      assertThat(consent.at("/retention/exemptions/0/reason").asText()).isEqualTo("legal-claims");
      assertThat(ledger.at("/data/2/content/event").asText()).isEqualTo("withdrawn");
      assertThat(ledger.at("/data/0/events/collected").asText()).isNotEmpty();
      JsonNode audit = doc.at("/sources/1");
      assertThat(audit.get("dataCategories")).extracting(c -> c.get("id").asText())
          .containsExactly("consent-records", "moderation-records", "security-logs");
      assertThat(audit.at("/data/0/content/entries/0/type").asText()).isNotEmpty();
      JsonNode accounts = doc.at("/sources/2");
      JsonNode usage = accounts.at("/dataCategories/1");
      assertThat(usage.get("id").asText()).isEqualTo("usage");
      assertThat(usage.get("recipients")).extracting(r -> r.get("id").asText())
          .contains("hosting", "analytics-provider", "advertising-partners");
      assertThat(usage.get("purposes")).extracting(p -> p.get("legalBasis").asText()).contains("consent", "contract");
      assertThat(f.dsr.export(id)).doesNotContain(BOB.value());
      String access = f.dsr.submit(RequestType.ERASURE, BOB).id();
      assertThatThrownBy(() -> f.dsr.export(access)).isInstanceOf(DsrException.class)
          .hasMessageContaining("is received; this step needs it to be completed");
    }
  }

  @Test
  void stepsOutOfOrderAreRefusedNamingTheStateTheRequestIsIn() {
    try (DsrFixture f = fixture()) {
      String id = f.dsr.submit(RequestType.ACCESS, ALICE).id();
      assertThatThrownBy(() -> f.dsr.process(id)).isInstanceOf(DsrException.class).hasMessage("request " + id
          + " is received; this step needs it to be verified or in-progress or extended");
      f.dsr.verify(id, "session");
      assertThatThrownBy(() -> f.dsr.verify(id, "again")).hasMessageContaining("is verified");
      assertThatThrownBy(() -> f.dsr.process("dsr-none")).hasMessage("no data-subject request with id 'dsr-none'");
      assertThatThrownBy(() -> f.dsr.submit(RequestType.RECTIFICATION, ALICE))
          .hasMessageContaining("use submitRectification");
      assertThatThrownBy(() -> f.dsr.submitRectification(ALICE, Map.of())).hasMessageContaining("at least one");
      assertThatThrownBy(() -> f.dsr.refuse(id, " ")).hasMessageContaining("a reason must be 1 to 1000 characters");
      f.dsr.refuse(id, "manifestly excessive: the fifth identical request this week");
      assertThat(f.dsr.get(id).orElseThrow().refusal()).contains("manifestly excessive: the fifth identical"
          + " request this week");
      assertThatThrownBy(() -> f.dsr.process(id)).hasMessageContaining("is refused");
    }
  }

  @Test
  void aDeadlineIsExtendedByAtMostThePolicysMaximumAndOnlyBeforeItPasses() {
    try (DsrFixture f = fixture()) {
      String id = f.dsr.submit(RequestType.ERASURE, ALICE).id();
      f.dsr.verify(id, "session");
      DataSubjectRequest r = f.dsr.extend(id, Period.ofMonths(1), "data spread over many systems");
      assertThat(r.state()).isEqualTo(RequestState.EXTENDED);
      assertThat(r.dueAt()).as("two months from 31 January").isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
      assertThatThrownBy(() -> f.dsr.extend(id, Period.ofMonths(2), "more")).isInstanceOf(
          IllegalArgumentException.class).hasMessageContaining("would be extended by P3M in total;").hasMessageEndingWith(
          "allows at most P2M");
      assertThatThrownBy(() -> f.dsr.extend(id, Period.ZERO, "x")).hasMessageContaining("must be positive");
      r = f.dsr.extend(id, Period.ofMonths(1), "a supplier is slow to answer");
      assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
      assertThat(r.extension()).isEqualTo(Period.ofMonths(2));
      f.clock.set(Instant.parse("2026-05-01T00:00:00Z"));
      assertThat(f.dsr.overdue()).extracting(DataSubjectRequest::id).containsExactly(id);
      assertThatThrownBy(() -> f.dsr.extend(id, Period.ofDays(1), "late")).hasMessageContaining(
          "a deadline is extended before it passes");
      assertThat(f.dsr.process(id).state()).isEqualTo(RequestState.COMPLETED);
      assertThat(f.dsr.overdue()).isEmpty();
    }
  }

  @Test
  void aFailingSourceIsRetriedWithGrowingBackOffWhileTheOthersKeepTheirAnswers() {
    try (DsrFixture f = fixture()) {
      f.populate(ALICE);
      String id = f.dsr.submit(RequestType.ACCESS, ALICE).id();
      f.dsr.verify(id, "session");
      f.host.failNext(2);
      Instant start = f.clock.instant();
      DataSubjectRequest r = f.dsr.process(id);
      assertThat(r.state()).isEqualTo(RequestState.IN_PROGRESS);
      SourceOutcome accounts = r.source("accounts").orElseThrow();
      assertThat(accounts.status()).isEqualTo(SourceOutcome.Status.FAILED);
      assertThat(accounts.error()).contains("IllegalStateException: the accounts store is unavailable");
      assertThat(accounts.nextAttemptAt()).contains(start.plus(Duration.ofHours(1)));
      assertThat(f.dsr.retryDue()).as("not yet").isEmpty();
      f.clock.advance(Duration.ofHours(1));
      r = f.dsr.retryDue().get(0);
      assertThat(r.source("accounts").orElseThrow().attempts()).isEqualTo(2);
      assertThat(r.source("accounts").orElseThrow().nextAttemptAt())
          .contains(f.clock.instant().plus(Duration.ofHours(2)));
      f.clock.advance(Duration.ofHours(2));
      r = f.dsr.retryDue().get(0);
      assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
      assertThat(r.sources()).extracting(SourceOutcome::attempts).containsExactly(1, 1, 3);
    }
  }

  @Test
  void retriesStopAfterTheLastAttemptButTheOperatorCanStillProcess() {
    try (DsrFixture f = fixture()) {
      f.populate(ALICE);
      String id = f.dsr.submit(RequestType.ACCESS, ALICE).id();
      f.dsr.verify(id, "session");
      f.host.failNext(3);
      f.dsr.process(id);
      f.clock.advance(Duration.ofHours(1));
      f.dsr.retryDue();
      f.clock.advance(Duration.ofHours(2));
      DataSubjectRequest r = f.dsr.retryDue().get(0);
      assertThat(r.source("accounts").orElseThrow().attempts()).isEqualTo(3);
      assertThat(r.source("accounts").orElseThrow().nextAttemptAt()).isEmpty();
      f.clock.advance(Duration.ofDays(30));
      assertThat(f.dsr.retryDue()).isEmpty();
      assertThat(f.dsr.process(id).state()).isEqualTo(RequestState.COMPLETED);
    }
  }

  @Test
  void aRequestSurvivesARestartAndCarriesOnWhereItStopped() {
    MutableClock clock = new MutableClock(T0);
    HostSource host = DsrFixture.newHost();
    String id;
    DataSubjectRequest before;
    try (DsrFixture f = new DsrFixture(dir, clock, host, Policy.defaultPolicy())) {
      f.populate(ALICE);
      id = f.dsr.submit(RequestType.ACCESS, ALICE).id();
      f.dsr.verify(id, "session");
      host.failNext(1);
      before = f.dsr.process(id);
      assertThatThrownBy(() -> DataSubjectRequests.builder().policy(Policy.defaultPolicy()).source(host)
          .audit(f.audit).directory(dir.resolve("dsr")).open()).isInstanceOf(DsrException.class)
          .hasMessageContaining("is already open");
    }
    try (DsrFixture f = new DsrFixture(dir, clock, host, Policy.defaultPolicy())) {
      assertThat(f.dsr.get(id)).contains(before);
      assertThat(f.dsr.list()).hasSize(1);
      DataSubjectRequest r = f.dsr.process(id);
      assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
      assertThat(r.source("consent-ledger").orElseThrow().attempts()).as("not asked again").isEqualTo(1);
      assertThat(f.dsr.export(id)).contains(ALICE.value());
    }
  }

  @Test
  void aRectificationIsAppliedWhereItCanBeAndItsValuesAreNotKeptAfterwards() throws IOException {
    try (DsrFixture f = fixture()) {
      f.populate(ALICE);
      String id = f.dsr.submitRectification(ALICE, Map.of("displayName", "Alicia Q.")).id();
      assertThat(Files.readString(dir.resolve("dsr/requests/" + id + ".json"))).contains("Alicia Q.");
      f.dsr.verify(id, "session");
      DataSubjectRequest r = f.dsr.process(id);
      assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
      assertThat(r.sources()).extracting(SourceOutcome::status).containsExactly(
          SourceOutcome.Status.NOT_APPLICABLE, SourceOutcome.Status.NOT_APPLICABLE, SourceOutcome.Status.DONE);
      assertThat(r.source("consent-ledger").orElseThrow().note()).hasValueSatisfying(n -> assertThat(n).contains(
          "no data that can be corrected"));
      assertThat(f.host.all().get(ALICE.value() + "-profile").data()).containsEntry("displayName", "Alicia Q.");
      assertThat(r.corrections()).isEmpty();
      assertThat(r.correctedFields()).containsExactly("displayName");
      assertThat(Files.readString(dir.resolve("dsr/requests/" + id + ".json"))).doesNotContain("Alicia Q.");
    }
  }

  @Test
  void aRightThePolicyDoesNotGrantIsRefusedAtOnceWithTheReason() {
    Policy noPortability = Policy.defaultPolicy().toBuilder().dataSubjectRights(new DataSubjectRights(Period.ofMonths(1),
        Period.ofMonths(2), Set.of(DataSubjectRight.ACCESS, DataSubjectRight.ERASURE))).build();
    try (DsrFixture f = new DsrFixture(dir, new MutableClock(T0), DsrFixture.newHost(), noPortability)) {
      DataSubjectRequest r = f.dsr.submit(RequestType.EXPORT, ALICE);
      assertThat(r.state()).isEqualTo(RequestState.REFUSED);
      assertThat(r.refusal()).hasValueSatisfying(x -> assertThat(x).endsWith("does not grant the right of portability"));
    }
  }
}
