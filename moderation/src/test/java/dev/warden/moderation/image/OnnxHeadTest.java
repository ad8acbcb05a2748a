package dev.warden.moderation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.internal.OnnxNative;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxHeadTest {

  @ParameterizedTest
  @ValueSource(strings = {"laion_nsfw_head_vit_l14_768.onnx", "laion_nsfw_head_vit_b32_512.onnx"})
  void laionHeadsReproduceTheGoldenScoresAloneAndInABatch(String model) throws Exception {
    Path golden = SharedData.file("image/laion_head_golden.json");
    JsonNode g = new ObjectMapper().readTree(golden.toFile()).get(model);
    Path file = SharedData.file("image/" + model);
    try (OnnxHead head = OnnxHead.builder(file).build()) {
      assertThat(head.inputName()).isEqualTo(g.get("input").asText());
      assertThat(head.outputName()).isEqualTo(g.get("output").asText());
      assertThat(head.dimension()).isEqualTo(g.get("dim").asInt());
      double tol = g.get("tolerance").asDouble();
      int n = g.get("inputs").size();
      float[][] batch = new float[n][];
      for (int i = 0; i < n; i++) {
        batch[i] = new ObjectMapper().convertValue(g.get("inputs").get(i), float[].class);
      }
      float[] scores = head.score(batch);
      EmbeddingSpace space = EmbeddingSpace.of("test", head.dimension(), false);
      for (int i = 0; i < n; i++) {
        double want = g.get("expected_scores").get(i).asDouble();
        assertThat((double) scores[i]).as("batch row %d", i).isCloseTo(want, org.assertj.core.data.Offset.offset(tol));
        assertThat((double) head.score(space.embed(batch[i]))).as("alone %d", i)
            .isCloseTo(want, org.assertj.core.data.Offset.offset(tol));
      }
    }
  }

  @Test
  void batchesOfChangingSizesFromManyThreadsScoreLikeOneRowAtATime() throws Exception {
    Path golden = SharedData.file("image/laion_head_golden.json");
    String model = "laion_nsfw_head_vit_l14_768.onnx";
    JsonNode g = new ObjectMapper().readTree(golden.toFile()).get(model);
    int n = g.get("inputs").size();
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new ObjectMapper().convertValue(g.get("inputs").get(i), float[].class);
    }
    try (OnnxHead head = OnnxHead.builder(SharedData.file("image/" + model)).intraOpThreads(2).build()) {
      float[] alone = new float[n];
      for (int i = 0; i < n; i++) {
        alone[i] = head.score(new float[][] {rows[i]})[0];
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
      try {
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 6; t++) {
          long seed = t;
          done.add(pool.submit(() -> {
            java.util.Random r = new java.util.Random(seed);
            for (int call = 0; call < 200; call++) {
              // Sizes change from call to call (1 to 3n rows), so buffers are reused and regrown.
              int size = 1 + r.nextInt(3 * n);
              float[][] batch = new float[size][];
              int[] which = new int[size];
              for (int i = 0; i < size; i++) {
                which[i] = r.nextInt(n);
                batch[i] = rows[which[i]];
              }
              float[] scores = head.score(batch);
              assertThat(scores).hasSize(size);
              for (int i = 0; i < size; i++) {
                assertThat(scores[i]).as("call %d row %d", call, i)
                    .isCloseTo(alone[which[i]], org.assertj.core.data.Offset.offset(1e-6f));
              }
            }
            return null;
          }));
        }
        for (java.util.concurrent.Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void theDimensionIsCheckedWhenTheModelLoads() {
    Path file = SharedData.file("image/laion_nsfw_head_vit_l14_768.onnx");
    assertThatThrownBy(() -> OnnxHead.builder(file).space(EmbeddingSpace.CLIP_VIT_B_32).build())
        .isInstanceOf(ModerationException.class)
        .hasMessageContaining("input 'embedding' takes 768 dimensions, but space clip-vit-b-32 has 512");
    assertThatThrownBy(() -> OnnxHead.builder(file).inputName("pixels").build())
        .hasMessageContaining("has no input 'pixels' (it has [embedding])");
  }

  @Test
  void aMissingOrBrokenModelIsNamed(@TempDir Path tmp) throws Exception {
    assertThatThrownBy(() -> OnnxHead.builder(tmp.resolve("none.onnx")).build())
        .isInstanceOf(ModerationException.class).hasMessageContaining("cannot read ONNX model");
    Path junk = Files.writeString(tmp.resolve("junk.onnx"), "not a model");
    assertThatThrownBy(() -> OnnxHead.builder(junk).build())
        .isInstanceOf(ModerationException.class).hasMessageContaining("cannot load ONNX model " + junk);
  }

  @Test
  void rowsOfTheWrongDimensionAreRefused() {
    Path file = SharedData.file("image/laion_nsfw_head_vit_b32_512.onnx");
    try (OnnxHead head = OnnxHead.builder(file).id("laion-b32").build()) {
      assertThat(head.id()).isEqualTo("laion-b32");
      assertThatThrownBy(() -> head.score(new float[][] {new float[512], new float[511]}))
          .hasMessage("head laion-b32 takes 512 dimensions, but row 1 has 511");
      assertThat(head.score(new float[0][])).isEmpty();
    }
  }

  @Test
  void theNativeLibraryIsExtractedOnceAndTheCopyIsDeleted() {
    OnnxNative.ensureLoaded();
    OnnxNative.ensureLoaded();
    if (System.getProperty(OnnxNative.NATIVE_PATH) == null) {
      Path extracted = OnnxNative.extractedTo;
      assertThat(extracted).isNotNull();
      assertThat(extracted).doesNotExist();
    }
  }
}
