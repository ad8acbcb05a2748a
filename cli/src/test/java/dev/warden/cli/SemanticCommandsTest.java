package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden train text-heads}, {@code warden calibrate text-heads} and {@code moderate --semantic}. */
class SemanticCommandsTest {

  @TempDir
  static Path dir;
  static Path data;
  static Path heads;

  @BeforeAll
  static void train() throws Exception {
    data = dir.resolve("labelled.csv");
    Files.writeString(data, """
        prompt,categories
        a zorblax creature melting a village,violence
        a zorblax monster tearing down a tower,violence
        zorblax attack on a town at night,violence
        a huge zorblax swallowing a ship,violence
        a quiet lake at dawn,
        a bowl of fruit on a table,
        a red bicycle by a wall,
        a lighthouse in the fog,
        a cup of tea and a book,
        a field of tulips,
        "a cat asleep on a sofa, soft light",
        a snowy mountain village,
        """, StandardCharsets.UTF_8);
    heads = dir.resolve("heads.json");
    Run r = Run.of("train", "text-heads", "--data", data.toString(), "--out", heads.toString(), "--folds", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("12 examples (8 harmless)").contains("semantic.violence").contains("prototypes");
  }

  @Test
  void theTrainedHeadFileIsDocumentedJsonThatModerateLoads() throws Exception {
    JsonNode file = Output.JSON.readTree(heads.toFile());
    assertThat(file.get("format").asText()).isEqualTo("warden-text-heads");
    assertThat(file.get("encoder").asText()).isEqualTo("all-minilm-l6-v2-q");
    assertThat(file.get("training").get("dataSha256").asText()).hasSize(64);
    Run r = Run.of("moderate", "--heads", heads.toString(), "a zorblax monster tearing down a tower");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = Output.JSON.readTree(r.out());
    assertThat(d.get("verdict").asText()).isEqualTo("FLAG"); // violence, medium: flag under the default policy
    assertThat(d.get("models").get(0).get("head").asText()).isEqualTo("semantic.violence");
    assertThat(d.get("models").get(0).get("score").asDouble()).isGreaterThanOrEqualTo(0.5);
    Run off = Run.of("moderate", "--heads", heads.toString(), "--semantic", "off", "a zorblax monster tearing down a tower");
    assertThat(Output.JSON.readTree(off.out()).get("verdict").asText()).isEqualTo("ALLOW");
    assertThat(Output.JSON.readTree(off.out()).has("models")).isFalse();
  }

  @Test
  void calibrationReportsPrecisionAndRecallAtEachThreshold() throws Exception {
    Run r = Run.of("calibrate", "text-heads", "--data", data.toString(), "--heads", heads.toString(), "--step", "0.25", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode o = Output.JSON.readTree(r.out());
    assertThat(o.get("prompts").asInt()).isEqualTo(12);
    assertThat(o.get("benign").asInt()).isEqualTo(8);
    JsonNode rows = o.get("rows");
    assertThat(rows).hasSize(6); // thresholds 0.25, 0.5, 0.75 for the head and for "any"
    JsonNode half = rows.get(1);
    assertThat(half.get("head").asText()).isEqualTo("semantic.violence");
    assertThat(half.get("threshold").asDouble()).isEqualTo(0.5);
    assertThat(half.get("tp").asInt() + half.get("fn").asInt()).isEqualTo(4);
    Run text = Run.of("calibrate", "text-heads", "--data", data.toString(), "--heads", heads.toString());
    assertThat(text.out()).contains("semantic.violence").contains("benign FPR").contains("any");
  }

  @Test
  void badDataAndOptionsAreUsageErrorsNamingThem() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "prompt,categories\na,illegal activity\nb,\n", StandardCharsets.UTF_8);
    Run r = Run.of("train", "text-heads", "--data", bad.toString(), "--out", dir.resolve("x.json").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("row 2: 'illegal activity' is not a category id").contains("--map");
    Run mapped = Run.of("train", "text-heads", "--data", bad.toString(), "--out", dir.resolve("x.json").toString(),
        "--map", "illegal activity=illicit");
    assertThat(mapped.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(mapped.err()).contains("category illicit has 1 example; a head needs at least 2");
    assertThat(Run.of("train", "text-heads", "--data", data.toString(), "--out", "x.json", "--label-column", "tags").err())
        .contains("no column 'tags'");
    assertThat(Run.of("moderate", "--semantic", "sometimes", "x").err()).contains("--semantic");
    assertThat(Run.of("moderate", "--heads", dir.resolve("none.json").toString(), "x").err())
        .contains("cannot read head file");
    assertThat(Run.of("calibrate", "text-heads", "--data", data.toString(), "--step", "0").err())
        .contains("--step must be in (0, 0.5]");
  }
}
