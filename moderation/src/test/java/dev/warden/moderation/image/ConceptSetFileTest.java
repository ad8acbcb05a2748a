package dev.warden.moderation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.policy.PolicyProblem;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptSetFileTest {

  private static final EmbeddingSpace S8 = EmbeddingSpace.of("test-8", 8, false);

  private static ConceptSet parse(String json) {
    return ConceptSet.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "set.json", S8);
  }

  private static List<String> problems(String json) {
    try {
      parse(json);
    } catch (ConceptSetException e) {
      return e.problems().stream().map(PolicyProblem::toString).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void aDocumentedFileLoadsWithAllItsParts() {
    ConceptSet set = parse("""
        {"space": "test-8", "dimension": 8, "specialCareAdjustment": 0.02, "scoreDecimals": null,
         "concepts": [{"id": "nude", "category": "sexual", "severity": "high", "threshold": 0.2,
                       "embedding": [1,0,0,0,0,0,0,0]}],
         "specialCare": [{"id": "young child", "category": "sexual/minors", "severity": "critical",
                          "threshold": 0.19, "embedding": [0,1,0,0,0,0,0,0]}],
         "contrastive": [{"id": "q16", "category": "violence", "margin": 0.01,
                          "appropriate": [0,0,1,0,0,0,0,0], "inappropriate": [0,0,0,2,0,0,0,0]}]}
        """);
    assertThat(set.concepts()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("nude");
      assertThat(c.severity()).isEqualTo(Severity.HIGH);
      assertThat(c.threshold()).isEqualTo(0.2);
    });
    assertThat(set.specialCare().get(0).category()).isEqualTo(Category.SEXUAL_MINORS);
    assertThat(set.pairs().get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(set.pairs().get(0).inappropriate().values()[3]).isEqualTo(1f);
    assertThat(set.specialCareAdjustment()).isEqualTo(0.02);
    assertThat(set.scoreDecimals()).isEqualTo(ConceptSet.NO_ROUNDING);
  }

  @Test
  void everyProblemIsReportedWithItsPointer() {
    List<String> p = problems("""
        {"space": "other", "colour": 1,
         "concepts": [{"id": "a", "category": "Sexual", "threshold": 2, "embedding": [1,0,0]},
                      {"id": "a", "category": "sexual", "threshold": 0.1, "embedding": [0,0,0,0,0,0,0,0]},
                      {"id": "b", "category": "sexual", "severity": "extreme", "threshold": 0.1,
                       "embedding": [1,0,0,0,0,0,0,"x"]}]}
        """);
    assertThat(p).containsExactlyInAnyOrder(
        "/colour: unknown field 'colour' (expected one of: $schema, concepts, contrastive, dimension, scoreDecimals, space, specialCare, specialCareAdjustment)",
        "/space: the file is for space 'other' but was loaded for test-8",
        "/concepts/0/category: must be a category id such as 'sexual' or 'sexual/minors', got 'Sexual'",
        "/concepts/0/threshold: must be a number in [-1.0, 1.0], got number 2",
        "/concepts/0/embedding: embedding space test-8 expects 8 dimensions, got 3",
        "/concepts/1/id: duplicate concept or pair id 'a'",
        "/concepts/1/embedding: embedding space test-8 got an all-zero vector, which has no direction",
        "/concepts/2/severity: must be one of low, medium, high, critical, got 'extreme'",
        "/concepts/2/embedding/7: must be a number, got 'x'");
  }

  @Test
  void malformedJsonAndDuplicateKeysAreLocated() {
    assertThat(problems("{\"concepts\": [\n  {\"id\": }]}")).singleElement().asString()
        .startsWith("(document) (line 2, column 10): not well-formed JSON");
    assertThat(problems("{\"concepts\": [], \"concepts\": []}")).singleElement().asString()
        .contains("Duplicate field 'concepts'");
  }

  @Test
  void q16PromptFilesLoadForEverySpaceAndFlagExactlyWhenTheInappropriateRowWins(@TempDir Path tmp)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String model : List.of("L-14", "B-32", "B-16")) {
      Path file = SharedData.file("image/ViT-" + model + "_prompts.json");
      EmbeddingSpace space = switch (model) {
        case "L-14" -> EmbeddingSpace.CLIP_VIT_L_14;
        case "B-32" -> EmbeddingSpace.CLIP_VIT_B_32;
        default -> EmbeddingSpace.of("clip-vit-b-16", 512, false);
      };
      ContrastivePair q16 = ContrastivePair.fromQ16File(file, space, "q16", Category.of("inappropriate"), Severity.MEDIUM);
      ConceptSet set = ConceptSet.builder(space).pair(q16).build();
      float[][] rows = json.convertValue(json.readTree(file.toFile()).get("embeddings"), float[][].class);

      ConceptCheck bad = set.check(space.embed(rows[1]));
      assertThat(bad.pairs()).singleElement().satisfies(h -> assertThat(h.score()).isGreaterThan(0.5));
      assertThat(bad.findings()).singleElement().satisfies(f -> assertThat(f.category().id()).isEqualTo("inappropriate"));
      assertThat(set.check(space.embed(rows[0])).pairs()).isEmpty();

      Random r = new Random(16);
      int flagged = 0;
      for (int i = 0; i < 400; i++) {
        // Images between the two prompts, so that both answers occur.
        float[] img = TestVectors.gaussian(r, space.dimension());
        double t = r.nextDouble();
        for (int d = 0; d < img.length; d++) {
          img[d] = (float) (0.02 * img[d] + t * rows[1][d] / TestVectors.norm(rows[1])
              + (1 - t) * rows[0][d] / TestVectors.norm(rows[0]));
        }
        double c0 = TestVectors.dot(img, rows[0]) / TestVectors.norm(rows[0]);
        double c1 = TestVectors.dot(img, rows[1]) / TestVectors.norm(rows[1]);
        if (Math.abs(c1 - c0) < 1e-5 * TestVectors.norm(img)) {
          continue; // too close to call in float32
        }
        boolean want = c1 > c0;
        flagged += want ? 1 : 0;
        assertThat(!set.check(space.embed(img)).pairs().isEmpty()).as("%s image %d", model, i).isEqualTo(want);
      }
      assertThat(flagged).as(model).isBetween(50, 350);

      // The same file referenced from a concept-set file.
      Path setFile = tmp.resolve(model + ".json");
      Files.writeString(setFile, json.writeValueAsString(Map.of("contrastive", List.of(Map.of(
          "id", "q16", "category", "violence", "file", file.toAbsolutePath().toString())))));
      assertThat(ConceptSet.load(setFile, space).pairs()).singleElement()
          .satisfies(p -> assertThat(p.inappropriate()).isEqualTo(q16.inappropriate()));
    }
  }

  @Test
  void aQ16FileOfTheWrongDimensionNamesTheSpace() {
    Path file = SharedData.file("image/ViT-L-14_prompts.json");
    assertThatThrownBy(() -> ContrastivePair.fromQ16File(file, EmbeddingSpace.CLIP_VIT_B_32, "q16",
        Category.VIOLENCE, Severity.LOW))
        .isInstanceOf(ConceptSetException.class)
        .hasMessageContaining("/embeddings/0: embedding space clip-vit-b-32 expects 512 dimensions, got 768");
  }
}
