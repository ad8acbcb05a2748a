package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModerateCommandTest {

  private static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        nodes.add(Output.JSON.readTree(l));
      }
    }
    return nodes;
  }

  @Test
  void aPromptGivesOneJsonLineWithVerdictCategoriesAndMatches() throws Exception {
    Run r = Run.of("moderate", "a n.u.d.e woman");
    assertThat(r.code()).isZero();
    JsonNode d = lines(r.out()).get(0);
    assertThat(d.get("verdict").asText()).isEqualTo("BLOCK");
    assertThat(d.get("categories").get(0).get("id").asText()).isEqualTo("sexual");
    assertThat(d.get("categories").get(0).get("severity").asText()).isEqualTo("medium");
    assertThat(d.get("categories").get(0).get("score").asDouble()).isEqualTo(1.0);
    JsonNode m = d.get("matches").get(0);
    assertThat(m.get("start").asInt()).isEqualTo(2);
    assertThat(m.get("end").asInt()).isEqualTo(9);
    assertThat(m.get("category").asText()).isEqualTo("sexual");
    assertThat(m.get("rule").asText()).startsWith("en.sexual.");
    assertThat(d.get("policy").get("id").asText()).isNotEmpty();
  }

  @Test
  void anInputFileGivesOneLinePerPromptInOrderAndReadsJsonLines(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("prompts.txt");
    Files.writeString(in, String.join("\n",
        "a cat on a sofa",
        "{\"prompt\": \"a portrait\", \"negativePrompt\": \"nsfw, nude\"}",
        "s3x",
        "",
        "{\"prompt\": \"bite\", \"language\": \"fr\"}") + "\n", StandardCharsets.UTF_8);
    Run r = Run.of("moderate", "--input", in.toString());
    assertThat(r.code()).isZero();
    assertThat(lines(r.out())).extracting(n -> n.get("verdict").asText())
        .containsExactly("ALLOW", "ALLOW", "BLOCK", "ALLOW", "BLOCK");
    assertThat(r.err()).isEmpty(); // no progress bar when stderr is not a terminal
  }

  @Test
  void aBadInputLineIsReportedInPlaceAndTheExitCodeSaysSo(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("prompts.txt");
    Files.writeString(in, "ok\n{\"prompt\": 3}\n{not json\nnude\n", StandardCharsets.UTF_8);
    Run r = Run.of("moderate", "--input", in.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(4);
    assertThat(out.get(1).get("line").asInt()).isEqualTo(2);
    assertThat(out.get(1).get("error").asText()).contains("\"prompt\"");
    assertThat(out.get(2).get("error").asText()).startsWith("not valid JSON");
    assertThat(out.get(3).get("verdict").asText()).isEqualTo("BLOCK");
    assertThat(r.err()).contains("2 lines were not a usable prompt");
  }

  @Test
  void standardInputIsReadWithADash() throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("porn\nflowers\n".getBytes(StandardCharsets.UTF_8)));
      Run r = Run.of("moderate", "--input", "-");
      assertThat(lines(r.out())).extracting(n -> n.get("verdict").asText()).containsExactly("BLOCK", "ALLOW");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void theProgressBarCanBeForcedOn(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("p.txt");
    Files.writeString(in, "a\nb\nc\n", StandardCharsets.UTF_8);
    Run r = Run.of("moderate", "--progress", "--input", in.toString());
    assertThat(r.err()).contains("100% 3/3");
  }

  @Test
  void hostLexiconsAndPoliciesComeFromFiles(@TempDir Path dir) throws Exception {
    Path lex = dir.resolve("mine.lex");
    Files.writeString(lex, "@category illicit\n@severity critical\nzorbium\n", StandardCharsets.UTF_8);
    Run r = Run.of("moderate", "--no-builtin-lexicons", "--lexicon", lex.toString(), "buy zorbium, nude");
    JsonNode d = lines(r.out()).get(0);
    assertThat(d.get("verdict").asText()).isEqualTo("BLOCK");
    assertThat(d.get("matches")).hasSize(1);
    assertThat(d.get("matches").get(0).get("rule").asText()).isEqualTo("mine.illicit.0001");
  }

  @Test
  void usageErrorsAreOneClearLine(@TempDir Path dir) throws Exception {
    assertThat(Run.of("moderate").err()).contains("give the prompt as TEXT or a file with --input FILE");
    assertThat(Run.of("moderate").code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(Run.of("moderate", "--input", dir.resolve("none.txt").toString()).err())
        .contains("cannot read input file");
    Path bad = dir.resolve("bad.lex");
    Files.writeString(bad, "@severity extreme\n", StandardCharsets.UTF_8);
    Run r = Run.of("moderate", "--lexicon", bad.toString(), "x");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("bad.lex:1: severity must be low, medium, high or critical, got 'extreme'");
    assertThat(Run.of("moderate", "--language", "english!", "x").err()).contains("--language");
  }
}
