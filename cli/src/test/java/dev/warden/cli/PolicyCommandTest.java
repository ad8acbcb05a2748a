package dev.warden.cli;

import static dev.warden.cli.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {

  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path dir;

  Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  @Test
  void validateExitsZeroForAValidPolicy() throws IOException {
    Path f = write("ok.json", Policy.defaultPolicyJson());
    CliTestSupport.Result r = run("policy", "validate", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(f + ": valid (warden-default@2025-11-05)\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validateListsEveryProblemAndExitsOne() throws IOException {
    Path f = write("bad.json", Policy.defaultPolicyJson()
        .replace("\"period\": \"P90D\"", "\"period\": \"-P90D\"")
        .replace("\"legalBasis\": \"consent\"", "\"legalBasis\": \"agreement\""));
    CliTestSupport.Result r = run("policy", "validate", f.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.out()).contains(f + ":33:121: /purposes/6/legalBasis: legalBasis must be one of")
        .contains("/retention/1/period: period must not be negative, got P-90D")
        .endsWith(f + ": invalid, 3 problems\n");
  }

  @Test
  void validateJsonGivesOneObjectPerFile() throws IOException {
    Path ok = write("ok.json", Policy.defaultPolicyJson());
    Path bad = write("bad.json", "{\"id\": 1}");
    CliTestSupport.Result r = run("policy", "validate", "--json", ok.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_FAILED);
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = M.readTree(lines[0]);
    assertThat(first.get("valid").asBoolean()).isTrue();
    JsonNode second = M.readTree(lines[1]);
    assertThat(second.get("valid").asBoolean()).isFalse();
    assertThat(second.get("problems").get(0).get("pointer").asText()).isEqualTo("");
    assertThat(second.get("problems")).anySatisfy(p ->
        assertThat(p.get("message").asText()).isEqualTo("must be a string, got number 1"));
  }

  @Test
  void aMissingFileIsAUsageErrorOnOneLine() {
    CliTestSupport.Result r = run("policy", "validate", dir.resolve("nope.json").toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).isEqualTo("warden: policy file not found: " + dir.resolve("nope.json") + "\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    CliTestSupport.Result r = run("policy", "validate", "--frobnicate", "x.json");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).startsWith("warden: Unknown option: '--frobnicate'");
    assertThat(run().exit()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void diffListsMaterialChangesFirst() throws IOException {
    Path a = write("a.json", Policy.defaultPolicyJson());
    Path b = write("b.json", Policy.defaultPolicyJson()
        .replace("\"version\": \"2025-11-05\"", "\"version\": \"2026-01-01\"")
        .replace("\"period\": \"P90D\"", "\"period\": \"P180D\""));
    CliTestSupport.Result r = run("policy", "diff", a.toString(), b.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out().split("\n")).containsExactly(
        "MATERIAL /retention/usage/period: retention of 'usage' extended from P90D to P180D",
        "MINOR /version: version changed from '2025-11-05' to '2026-01-01'",
        "warden-default@2025-11-05 -> warden-default@2026-01-01: 1 material, 1 minor changes; ask for consent again");
    assertThat(run("policy", "diff", "--fail-on-material", a.toString(), b.toString()).exit())
        .isEqualTo(Main.EXIT_FAILED);
    JsonNode json = M.readTree(run("policy", "diff", "--json", a.toString(), b.toString()).out());
    assertThat(json.get("material").asBoolean()).isTrue();
    assertThat(json.get("changes").get(0).get("impact").asText()).isEqualTo("MATERIAL");
  }

  @Test
  void diffOfAnInvalidPolicyNamesIt() throws IOException {
    Path a = write("a.json", Policy.defaultPolicyJson());
    Path b = write("b.json", "{}");
    CliTestSupport.Result r = run("policy", "diff", a.toString(), b.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).startsWith("warden: " + b + " is not a valid policy (12 problems");
  }

  @Test
  void everyCommandTakingAPolicyRefusesAnInvalidOneWithItsFirstProblem() throws IOException {
    Path bad = write("bad.json", Policy.defaultPolicyJson().replaceFirst("\"P3Y\"", "\"three years\""));
    Path prompts = write("prompts.csv", "prompt,x\na cat,0\n");
    Path cookies = write("cookies.jsonl", "{\"name\":\"_ga\"}\n");
    Path images = write("images.jsonl", "");
    List<String[]> commands = List.of(
        new String[] {"moderate", "--policy", bad.toString(), "--semantic", "off", "a cat"},
        new String[] {"eval", "prompts", "--policy", bad.toString(), "--semantic", "off", "--label-column", "x",
            prompts.toString()},
        new String[] {"cookies", "classify", "--policy", bad.toString(), "--input", cookies.toString()},
        new String[] {"image", "check", "--space", "clip-vit-b-32", "--policy", bad.toString(), "--input",
            images.toString()},
        new String[] {"policy", "show", bad.toString()});
    for (String[] args : commands) {
      CliTestSupport.Result r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err()).as(String.join(" ", args))
          .startsWith("warden: " + bad + " is not a valid policy (1 problem, first: ")
          .contains("got 'three years'", "run 'warden policy validate " + bad + "'");
    }
  }

  @Test
  void showPrintsTheDefaultPolicyAndSchemaPrintsTheSchema() throws IOException {
    CliTestSupport.Result r = run("policy", "show");
    assertThat(r.exit()).isZero();
    assertThat(Policy.parse(r.out(), "shown")).isEqualTo(Policy.defaultPolicy());
    JsonNode schema = M.readTree(run("policy", "schema").out());
    assertThat(schema.get("title").asText()).isEqualTo("Warden policy");
  }

  @Test
  void debugAddsTheStackTrace() {
    CliTestSupport.Result r = run("policy", "validate", "--debug", dir.resolve("nope.json").toString());
    assertThat(r.err()).contains("policy file not found").contains("\tat ");
  }
}
