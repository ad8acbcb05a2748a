package dev.warden.moderation.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.warden.moderation.ModerationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder against the similarities sentence-transformers publishes for all-MiniLM-L6-v2:
 * "The weather is lovely today." against "It's so sunny outside!" 0.666, against "He drove to the
 * stadium." 0.105.
 */
class SentenceEncoderTest {

  static final String WEATHER = "The weather is lovely today.";
  static final String SUNNY = "It's so sunny outside!";
  static final String STADIUM = "He drove to the stadium.";

  private static SentenceEncoder quantized;

  @BeforeAll
  static void load() {
    quantized = SentenceEncoder.builder().build();
  }

  @AfterAll
  static void close() {
    quantized.close();
  }

  @Test
  void theQuantisedModelReproducesThePublishedSimilaritiesWithin003() {
    float[][] e = quantized.embed(List.of(WEATHER, SUNNY, STADIUM));
    assertThat(SentenceEncoder.dot(e[0], e[1])).isCloseTo(0.666, within(0.03));
    assertThat(SentenceEncoder.dot(e[0], e[2])).isCloseTo(0.105, within(0.03));
    assertThat(quantized.id()).isEqualTo("all-minilm-l6-v2-q");
    assertThat(quantized.dimension()).isEqualTo(384);
  }

  @Test
  void theFullPrecisionModelReproducesThePublishedSimilaritiesWithin0001() {
    try (SentenceEncoder fp32 = SentenceEncoder.builder().model(BuiltInEncoder.MINILM_L6_V2).build()) {
      float[][] e = fp32.embed(List.of(WEATHER, SUNNY, STADIUM));
      assertThat(SentenceEncoder.dot(e[0], e[1])).isCloseTo(0.666, within(0.001));
      assertThat(SentenceEncoder.dot(e[0], e[2])).isCloseTo(0.105, within(0.001));
      // The quantised model stays close to it on the same texts.
      float[][] q = quantized.embed(List.of(WEATHER, SUNNY, STADIUM));
      for (int i = 0; i < 3; i++) {
        assertThat(SentenceEncoder.dot(e[i], q[i])).as("fp32 vs int8, text %d", i).isGreaterThan(0.95);
      }
    }
  }

  @Test
  void embeddingsAreUnitLengthAndPaddingDoesNotLeakIntoThePooling() {
    List<String> texts = List.of("a", WEATHER, "a much longer prompt about a lighthouse on a cliff at dusk, oil painting", "");
    float[][] batch = quantized.embed(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = quantized.embed(texts.get(i));
      assertThat(SentenceEncoder.dot(batch[i], batch[i])).isCloseTo(1.0, within(1e-4));
      // The int8 model quantises activations per batch tensor, so batch mates move an embedding a
      // little (padding itself is masked out: twins below are exact).
      assertThat(SentenceEncoder.dot(batch[i], alone)).as("text %d", i).isGreaterThan(0.95);
    }
    float[][] twins = quantized.embed(List.of(WEATHER, WEATHER));
    assertThat(SentenceEncoder.dot(twins[1], quantized.embed(WEATHER))).isCloseTo(1.0, within(1e-6));
    assertThat(quantized.embed(List.of())).isEmpty();
  }

  @Test
  void theCacheKeyEmbedsAsTheTextDoes() {
    String text = "  Crème   BRÛLÉE\u200b at\tthe café ";
    String key = quantized.cacheKey(text);
    assertThat(key).isEqualTo("creme brulee at the cafe");
    assertThat(SentenceEncoder.dot(quantized.embed(text), quantized.embed(key))).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void theModelLoadsThroughATemporaryFileThatIsDeletedAtOnce() throws Exception {
    try (SentenceEncoder again = SentenceEncoder.builder().build();
        var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(again.embed("x")).hasSize(384);
      assertThat(files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("warden-all-minilm") && n.endsWith(".onnx"))).isEmpty();
    }
  }

  @Test
  void textsLongerThanTheTokenLimitAreCutNotRefused() {
    String longText = "word ".repeat(2000);
    assertThat(quantized.embed(longText)).hasSize(384);
  }

  @Test
  void aMissingOrBrokenModelIsNamed(@TempDir Path tmp) throws Exception {
    Path tokenizer = tmp.resolve("tokenizer.json");
    try (var in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      Files.copy(in, tokenizer);
    }
    assertThatThrownBy(() -> SentenceEncoder.builder().model(tmp.resolve("none.onnx"), tokenizer).build())
        .isInstanceOf(ModerationException.class).hasMessageContaining("cannot read ONNX model");
    Path junk = Files.writeString(tmp.resolve("junk.onnx"), "not a model");
    assertThatThrownBy(() -> SentenceEncoder.builder().model(junk, tokenizer).build())
        .isInstanceOf(ModerationException.class).hasMessageStartingWith("cannot load encoder junk");
    assertThatThrownBy(() -> SentenceEncoder.builder().maxTokens(513))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTokens must be in [2, 512], got 513");
  }
}
