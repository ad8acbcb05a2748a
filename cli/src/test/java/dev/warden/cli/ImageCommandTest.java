package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {
    List<JsonNode> lines() throws Exception {
      List<JsonNode> l = new ArrayList<>();
      for (String s : out.strip().split("\n")) {
        l.add(JSON.readTree(s));
      }
      return l;
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static float[] vector(Random r, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static String line(String id, String category, float[] v) throws Exception {
    StringBuilder sb = new StringBuilder("{");
    if (id != null) {
      sb.append("\"id\":").append(JSON.writeValueAsString(id)).append(",");
    }
    if (category != null) {
      sb.append("\"category\":\"").append(category).append("\",");
    }
    return sb.append("\"embedding\":").append(Arrays.toString(v)).append("}").toString();
  }

  @Test
  void indexAddThenMatchFindsNearDuplicatesInOrder() throws Exception {
    Random r = new Random(1);
    List<float[]> vs = new ArrayList<>();
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      vs.add(vector(r, 512));
      items.append(line("item-" + i, i == 3 ? "sexual/minors" : "violence", vs.get(i))).append("\n");
    }
    Path in = Files.writeString(tmp.resolve("items.jsonl"), items);
    Path index = tmp.resolve("idx");
    Run add = run("image", "index", "add", "--index", index.toString(), "--input", in.toString(), "--json");
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.lines().get(0).get("size").asInt()).isEqualTo(20);
    assertThat(add.lines().get(0).get("space").asText()).isEqualTo("clip-vit-b-32");

    float[] q = vs.get(3).clone();
    q[0] += 0.05f;
    Path queries = Files.writeString(tmp.resolve("q.jsonl"), line(null, null, q) + "\n" + line(null, null, vector(r, 512)) + "\n");
    Run match = run("image", "index", "match", "--index", index.toString(), "--input", queries.toString(),
        "--threshold", "0.95", "--k", "3");
    assertThat(match.code()).as(match.err()).isZero();
    List<JsonNode> lines = match.lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("matches")).hasSize(1);
    assertThat(lines.get(0).get("matches").get(0).get("id").asText()).isEqualTo("item-3");
    assertThat(lines.get(0).get("matches").get(0).get("category").asText()).isEqualTo("sexual/minors");
    assertThat(lines.get(0).get("matches").get(0).get("similarity").asDouble()).isGreaterThan(0.95);
    assertThat(lines.get(1).get("matches")).isEmpty();

    Path checks = Files.writeString(tmp.resolve("c.jsonl"), line("img-1", null, q) + "\n");
    Run check = run("image", "check", "--space", "clip-vit-b-32", "--index", index.toString(), "--input", checks.toString());
    assertThat(check.code()).as(check.err()).isZero();
    JsonNode c = check.lines().get(0);
    assertThat(c.get("id").asText()).isEqualTo("img-1");
    assertThat(c.get("verdict").asText()).isEqualTo("block");
    assertThat(c.get("report").asBoolean()).isTrue();
    assertThat(c.get("known").get(0).get("id").asText()).isEqualTo("item-3");
    assertThat(c.get("concepts")).isEmpty();
    assertThat(c.get("head").isNull()).isTrue();
    assertThat(c.get("policy").asText()).startsWith("warden-default@");
  }

  @Test
  void checkWithConceptsAndTheLaionHead() throws Exception {
    Path head = sharedData("image/laion_nsfw_head_vit_b32_512.onnx");
    Random r = new Random(2);
    float[] concept = vector(r, 512);
    Path concepts = Files.writeString(tmp.resolve("concepts.json"), "{\"concepts\": [" + line("nude", "sexual", concept)
        .replace("\"embedding\"", "\"threshold\": 0.5, \"severity\": \"high\", \"embedding\"") + "]}");
    Path in = Files.writeString(tmp.resolve("in.jsonl"), line(null, null, concept) + "\n" + line(null, null, vector(r, 512)) + "\n");
    Run check = run("image", "check", "--space", "clip-vit-b-32", "--concepts", concepts.toString(),
        "--head", head.toString(), "--input", in.toString());
    assertThat(check.code()).as(check.err()).isZero();
    List<JsonNode> lines = check.lines();
    assertThat(lines.get(0).get("verdict").asText()).isEqualTo("block");
    assertThat(lines.get(0).get("concepts").get(0).get("id").asText()).isEqualTo("nude");
    assertThat(lines.get(0).get("concepts").get(0).get("similarity").asDouble()).isGreaterThan(0.99);
    assertThat(lines.get(1).get("head").get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(lines.get(1).get("head").get("id").asText()).isEqualTo("laion_nsfw_head_vit_b32_512");
  }

  @Test
  void aPromptOnTheLineIsModeratedWithItsImageIntoOneVerdict() throws Exception {
    Random r = new Random(5);
    float[] clean = vector(r, 512);
    String withPrompt = line("a", null, clean).replace("{", "{\"prompt\": \"a nude figure\", ");
    String negativeOnly = line("b", null, clean)
        .replace("{", "{\"prompt\": \"a portrait\", \"negativePrompt\": \"nsfw, nude\", ");
    Path in = Files.writeString(tmp.resolve("p.jsonl"), withPrompt + "\n" + negativeOnly + "\n" + line("c", null, clean) + "\n");
    Run check = run("image", "check", "--space", "clip-vit-b-32", "--input", in.toString());
    assertThat(check.code()).as(check.err()).isZero();
    List<JsonNode> lines = check.lines();
    assertThat(lines).hasSize(3);
    JsonNode a = lines.get(0);
    assertThat(a.get("verdict").asText()).isEqualTo("block");
    assertThat(a.get("categories").get(0).get("category").asText()).isEqualTo("sexual");
    assertThat(a.get("concepts")).isEmpty();
    assertThat(a.get("known")).isEmpty();
    assertThat(a.has("head")).isTrue();
    assertThat(a.get("text").get("verdict").asText()).isEqualTo("block");
    assertThat(a.get("text").get("matches").get(0).get("start").asInt()).isEqualTo(2);
    assertThat(a.get("text").get("matches").get(0).get("end").asInt()).isEqualTo(6);
    JsonNode b = lines.get(1);
    assertThat(b.get("verdict").asText()).isEqualTo("allow");
    assertThat(b.get("text").get("matches")).allSatisfy(m -> assertThat(m.get("field").asText()).isEqualTo("negativePrompt"));
    assertThat(lines.get(2).has("text")).isFalse();
    assertThat(lines.get(2).get("verdict").asText()).isEqualTo("allow");

    Path bad = Files.writeString(tmp.resolve("bp.jsonl"), line("d", null, clean).replace("{", "{\"prompt\": 7, ") + "\n");
    Run refused = run("image", "check", "--space", "clip-vit-b-32", "--input", bad.toString());
    assertThat(refused.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(refused.err()).contains("bp.jsonl line 1: \"prompt\" must be a string");
  }

  @Test
  void badInputNamesTheFileAndLine() throws Exception {
    Path in = Files.writeString(tmp.resolve("bad.jsonl"), line(null, null, vector(new Random(3), 768)) + "\n\n{\"embedding\": [1, 2]}\n");
    Run check = run("image", "check", "--space", "clip-vit-l-14", "--input", in.toString());
    assertThat(check.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(check.out().strip().split("\n")).hasSize(1);
    assertThat(check.err()).contains("bad.jsonl line 3: embedding space clip-vit-l-14 expects 768 dimensions, got 2");

    assertThat(run("image", "check", "--space", "clip-vit-x", "--input", in.toString()).err())
        .contains("unknown embedding space 'clip-vit-x'");
    assertThat(run("image", "index", "match", "--index", tmp.resolve("none").toString(), "--input", in.toString()).err())
        .contains("no index directory at");
    Path noCat = Files.writeString(tmp.resolve("nocat.jsonl"), line("a", null, vector(new Random(4), 512)) + "\n");
    Run add = run("image", "index", "add", "--index", tmp.resolve("i2").toString(), "--input", noCat.toString());
    assertThat(add.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(add.err()).contains("nocat.jsonl line 1: needs \"category\"");
  }

  private static Path sharedData(String relative) {
    String prop = System.getProperty("warden.shared.data");
    Path root = prop != null && Files.isDirectory(Path.of(prop)) ? Path.of(prop) : null;
    for (Path p = Path.of("").toAbsolutePath(); root == null && p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/data"))) {
        root = p.resolve("shared/data");
      }
    }
    Assumptions.assumeTrue(root != null && Files.isReadable(root.resolve(relative)), "shared data not found: " + relative);
    return root.resolve(relative);
  }
}
