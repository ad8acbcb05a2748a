package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.retention.AuditJournalSource;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionAndDsrCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant LONG_AGO = Instant.parse("2019-03-01T12:00:00Z");

  @TempDir Path dir;
  Path store;
  Path policy;

  /** Two subjects whose consent ended years ago and who logged in years ago, and one active now. */
  @BeforeEach
  void stores() throws Exception {
    store = dir.resolve("data");
    policy = dir.resolve("policy.json");
    Files.writeString(policy, Policy.defaultPolicyJson());
    Clock old = Clock.fixed(LONG_AGO, ZoneOffset.UTC);
    Clock recent = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
    for (Clock c : new Clock[] {old, recent}) {
      try (ConsentStore s = ConsentStore.journal(store.resolve("consent")).durability(Durability.OS).clock(c).open();
          AuditJournalSource a = AuditJournalSource.builder(store.resolve("audit")).durability(Durability.OS).clock(c)
              .open()) {
        ConsentLedger ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(s).clock(c).build();
        for (String p : c == old ? new String[] {"ps_old1", "ps_old2"} : new String[] {"ps_active"}) {
          ledger.record(Pseudonym.of(p), Map.of("analytics", true), CollectionMethod.BANNER, "en");
          a.append("security.login", Pseudonym.of(p), Map.of("method", "password"));
        }
        if (c == old) {
          ledger.withdraw(Pseudonym.of("ps_old1"), CollectionMethod.SETTINGS_PAGE, "en");
        }
      }
    }
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void planAndDryRunListWhatIsDueAndEraseNothing() throws Exception {
    Run plan = Run.of("retention", "plan", "--policy", policy.toString(), "--store", store.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("consent-ledger", "security-logs", "A run now would erase 5 record(s)");
    assertThat(plan.out()).contains("audit-journal cannot date 'consent-withdrawn' for 'consent-records'");
    Run dry = Run.of("retention", "run", "--dry-run", "--json", "--policy", policy.toString(), "--store",
        store.toString());
    assertThat(dry.code()).as(dry.err()).isZero();
    JsonNode d = json(dry.out());
    assertThat(d.get("due").asInt()).isEqualTo(5);
    assertThat(d.at("/phases/0/erase")).extracting(e -> e.get("subject").asText())
        .containsOnly("ps_old1", "ps_old2");
    Run again = Run.of("retention", "plan", "--dry-run", "--json", "--policy", policy.toString(), "--store",
        store.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(json(again.out()).get("due").asInt()).as("the dry run erased nothing").isEqualTo(5);
  }

  @Test
  void aRunErasesWhatIsDueAndAHeldSubjectOnlyAfterItsHoldIsReleased() throws Exception {
    Run hold = Run.of("retention", "hold", "--store", store.toString(), "--subject", "ps_old2", "--reason",
        "claim 2026-7", "--json");
    assertThat(hold.code()).as(hold.err()).isZero();
    String holdId = json(hold.out()).get("hold").asText();
    Run run = Run.of("retention", "run", "--json", "--policy", policy.toString(), "--store", store.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode r = json(run.out());
    assertThat(r.get("erased").asInt()).as("ps_old1's two records and login day").isEqualTo(3);
    assertThat(r.get("held").asInt()).isEqualTo(2);
    assertThat(Run.of("retention", "release", holdId, "--store", store.toString()).code()).isZero();
    Run after = Run.of("retention", "run", "--policy", policy.toString(), "--store", store.toString());
    assertThat(after.out()).contains("Erased 2 record(s)");
    Run nothing = Run.of("retention", "run", "--json", "--policy", policy.toString(), "--store", store.toString());
    assertThat(json(nothing.out()).get("erased").asInt()).isZero();
  }

  @Test
  void badRetentionInvocationsExitTwoWithOneClearLine() {
    Run noPolicy = Run.of("retention", "run", "--store", store.toString());
    assertThat(noPolicy.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noPolicy.err()).contains("Missing required option: '--policy=FILE'");
    Run noStore = Run.of("retention", "plan", "--policy", policy.toString(), "--store", dir.resolve("nope").toString());
    assertThat(noStore.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noStore.err()).contains("no Warden store at");
    assertThat(dir.resolve("nope")).doesNotExist();
    Run badHold = Run.of("retention", "hold", "--store", store.toString(), "--reason", "x");
    assertThat(badHold.err()).contains("a legal hold names a subject, a data category, or both");
    Run badUntil = Run.of("retention", "hold", "--store", store.toString(), "--category", "usage", "--reason", "x",
        "--until", "next week");
    assertThat(badUntil.err()).contains("--until must be a date such as 2027-06-30");
    Run badBatch = Run.of("retention", "run", "--batch", "0", "--policy", policy.toString(), "--store",
        store.toString());
    assertThat(badBatch.err()).contains("batchSize must be in [1, 1000000], got 0");
  }

  @Test
  void anInvalidPolicyFileIsRefusedWithItsFirstProblemAndNothingIsErased() throws Exception {
    Path bad = dir.resolve("bad-policy.json");
    Files.writeString(bad, Policy.defaultPolicyJson().replaceFirst("\"P3Y\"", "\"three years\""));
    Run run = Run.of("retention", "run", "--policy", bad.toString(), "--store", store.toString());
    assertThat(run.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains(bad + " is not a valid policy (1 problem, first: ", "got 'three years'",
        "run 'warden policy validate " + bad + "'");
    Run dsr = Run.of("dsr", "status", "--policy", bad.toString(), "--store", store.toString());
    assertThat(dsr.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(dsr.err()).contains(bad + " is not a valid policy");
    Run plan = Run.of("retention", "plan", "--json", "--policy", policy.toString(), "--store", store.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(json(plan.out()).get("due").asInt()).as("the refused run erased nothing").isEqualTo(5);
  }

  @Test
  void accessExportAndErasureRequestsRunFromTheCommandLine() throws Exception {
    Run access = Run.of("dsr", "submit", "access", "ps_active", "--verified", "signed-in session", "--json",
        "--store", store.toString());
    assertThat(access.code()).as(access.err()).isZero();
    JsonNode a = json(access.out());
    assertThat(a.get("state").asText()).isEqualTo("completed");
    String accessId = a.get("id").asText();
    Path out = dir.resolve("export.json");
    Run export = Run.of("dsr", "export", accessId, "--store", store.toString(), "--output", out.toString());
    assertThat(export.code()).as(export.err()).isZero();
    JsonNode doc = JSON.readTree(out.toFile());
    assertThat(doc.get("schema").asText()).isEqualTo("warden-dsr-export/1");
    assertThat(doc.get("sources")).extracting(s -> s.get("records").asInt()).containsExactly(1, 1);

    Run erase = Run.of("dsr", "submit", "erasure", "ps_active", "--store", store.toString());
    String eraseId = erase.out().lines().findFirst().orElseThrow().split(" ")[1].replace(":", "");
    assertThat(erase.out()).contains("state received");
    Run processed = Run.of("dsr", "process", eraseId, "--verified", "e-mail link", "--store", store.toString());
    assertThat(processed.code()).as(processed.err()).isZero();
    assertThat(processed.out()).contains("an erased subject", "state completed");
    Run status = Run.of("dsr", "status", "--store", store.toString());
    assertThat(status.out()).contains(accessId, eraseId, "2 request(s)").doesNotContain("ps_active");
    Run gone = Run.of("dsr", "export", accessId, "--store", store.toString());
    assertThat(gone.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(gone.err()).contains("was deleted when its subject was erased");
  }

  @Test
  void theDemoErasesWhatIsDueKeepsWhatIsHeldAndLeavesOnlyAProofOfTheErasure() {
    JsonNode demo = new RetentionDemo(Policy.defaultPolicy()).toJson();
    assertThat(demo.get("erased").asInt()).as("ana's consent trail and two old sign-in days").isEqualTo(4);
    assertThat(demo.get("held").asInt()).as("cy's trail and sign-in day").isEqualTo(3);
    assertThat(demo.get("erasureState").asText()).isEqualTo("completed");
    assertThat(demo.get("proofRecords").asInt()).isEqualTo(2);
  }

  @Test
  void badRequestsExitTwoWithOneClearLine() {
    Run badType = Run.of("dsr", "submit", "forget-me", "ps_active", "--store", store.toString());
    assertThat(badType.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badType.err()).contains("request type must be one of access, export, rectification, erasure");
    Run badSubject = Run.of("dsr", "submit", "access", "alice@example.com", "--store", store.toString());
    assertThat(badSubject.err()).contains("a pseudonym is 1 to 128 characters");
    Run unknown = Run.of("dsr", "status", "dsr-nope", "--store", store.toString());
    assertThat(unknown.err()).contains("no data-subject request with id 'dsr-nope'");
    Run extend = Run.of("dsr", "extend", "dsr-nope", "--by", "soon", "--reason", "x", "--store", store.toString());
    assertThat(extend.err()).contains("--by must be an ISO-8601 period such as P1M, got 'soon'");
  }
}
