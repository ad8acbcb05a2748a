package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  private static Path csv(Path dir) throws Exception {
    Path f = dir.resolve("labelled.csv");
    Files.writeString(f, """
        prompt,label,tags
        "a nude woman, on the beach",1,"sexual, hate"
        s3x,1,sexual
        a kitten,0,
        "cocktails, by the canal",0,
        a beheaded man,1,violence
        a cozy cabin,1,sexual
        """, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void printsPrecisionRecallAndFalsePositiveRate(@TempDir Path dir) throws Exception {
    Run r = Run.of("eval", "prompts", csv(dir).toString(), "--label-column", "label", "--json",
        "--semantic", "off");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode o = Output.JSON.readTree(r.out());
    assertThat(o.get("prompts").asInt()).isEqualTo(6);
    assertThat(o.get("positives").asInt()).isEqualTo(4);
    JsonNode none = o.get("results").get(0);
    assertThat(none.get("tp").asInt()).isEqualTo(3);
    assertThat(none.get("fn").asInt()).isEqualTo(1);
    assertThat(none.get("fp").asInt()).isZero();
    assertThat(none.get("tn").asInt()).isEqualTo(2);
    assertThat(none.get("precision").asDouble()).isEqualTo(1.0);
    assertThat(none.get("recall").asDouble()).isEqualTo(0.75);
    assertThat(none.get("falsePositiveRate").asDouble()).isZero();
  }

  @Test
  void labelsCanBeValuesInAListCellAndObfuscationsAreMeasured(@TempDir Path dir) throws Exception {
    Run r = Run.of("eval", "prompts", csv(dir).toString(), "--label-column", "tags",
        "--positive", "sexual", "--obfuscate", "leetspeak,homoglyphs", "--semantic", "off");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("6 prompts, 3 positive, 3 negative");
    assertThat(r.out()).containsPattern("none\\s+2\\s+1\\s+1\\s+2");
    assertThat(r.out()).contains("leetspeak").contains("homoglyphs").contains("recall kept");
  }

  @Test
  void badColumnsAndLabelsAreUsageErrorsNamingThem(@TempDir Path dir) throws Exception {
    Run r = Run.of("eval", "prompts", csv(dir).toString(), "--label-column", "nope");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("no column 'nope'");
    Run bad = Run.of("eval", "prompts", csv(dir).toString(), "--label-column", "tags");
    assertThat(bad.err()).contains("row 2: label 'sexual, hate' is not 1/0");
    assertThat(Run.of("eval", "prompts", csv(dir).toString(), "--label-column", "label", "--obfuscate", "rot13")
        .err()).contains("unknown transform 'rot13'");
  }

  @Test
  void runsOnTheDevelopmentPromptsWhenTheyArePresent() throws Exception {
    Path dev = SharedData.require("prompts/i2p_dev.csv");
    Run r = Run.of("eval", "prompts", dev.toString(),
        "--label-column", "categories", "--positive", "sexual", "--json", "--semantic", "off");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode none = Output.JSON.readTree(r.out()).get("results").get(0);
    assertThat(none.get("tp").asInt() + none.get("fn").asInt()).isEqualTo(444);
  }
}
