package dev.warden.cli;

import static dev.warden.cli.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.policy.audit.AuditJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditAndDemoCommandTest {

  @TempDir Path dir;

  private Path journal(int entries) {
    Path j = dir.resolve("audit");
    try (AuditJournal a = AuditJournal.builder(j).open()) {
      for (int i = 0; i < entries; i++) {
        a.append("test.event", Map.of("i", i));
      }
    }
    return j;
  }

  @Test
  void verifyOfAnIntactJournalExitsZero() {
    Path j = journal(10);
    CliTestSupport.Result r = run("audit", "verify", j.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("ok: 10 entries (1 to 10), last hash ");
  }

  @Test
  void verifyOfATamperedJournalNamesTheEntryAndExitsOne() throws IOException {
    Path j = journal(10);
    Path seg;
    try (var s = Files.list(j)) {
      seg = s.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(seg, StandardCharsets.UTF_8);
    lines.set(3, lines.get(3).replace("\"i\":3", "\"i\":4"));
    Files.write(seg, lines, StandardCharsets.UTF_8);
    CliTestSupport.Result r = run("audit", "verify", j.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.out()).contains(":4: MODIFIED: entry 4 does not match its hash: it was modified")
        .contains("FAILED: 1 problems in 10 entries");
    JsonNode json = new ObjectMapper().readTree(run("audit", "verify", "--json", j.toString()).out());
    assertThat(json.get("ok").asBoolean()).isFalse();
    assertThat(json.get("problems").get(0).get("sequence").asLong()).isEqualTo(4);
  }

  @Test
  void verifyOfAMissingPathIsAUsageError() {
    CliTestSupport.Result r = run("audit", "verify", dir.resolve("none").toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("no such file or directory");
  }

  @Test
  void demoSummarisesTheDefaultPolicy() throws IOException {
    CliTestSupport.Result r = run("demo");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("== policy ==").contains("Policy warden-default@2025-11-05")
        .contains("advertising      advertising  required  denied   P13M       [gpc]");
    JsonNode json = new ObjectMapper().readTree(run("demo", "--json").out());
    assertThat(json.get("policy").get("id").asText()).isEqualTo("warden-default");
  }
}
