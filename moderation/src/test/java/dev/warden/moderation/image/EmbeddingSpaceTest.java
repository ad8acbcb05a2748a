package dev.warden.moderation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingSpaceTest {

  private static final EmbeddingSpace L14 = EmbeddingSpace.CLIP_VIT_L_14;

  @Test
  void wrongDimensionNamesTheSpaceAndBothDimensions() {
    assertThatThrownBy(() -> L14.embed(new float[767]))
        .isInstanceOfSatisfying(EmbeddingException.class, e -> {
          assertThat(e.spaceName()).isEqualTo("clip-vit-l-14");
          assertThat(e.expectedDimension()).isEqualTo(768);
          assertThat(e.actualDimension()).isEqualTo(767);
        })
        .hasMessage("embedding space clip-vit-l-14 expects 768 dimensions, got 767");
  }

  @Test
  void nanAndInfiniteComponentsNameTheirIndex() {
    float[] v = TestVectors.gaussian(new Random(1), 768);
    v[300] = Float.NaN;
    assertThatThrownBy(() -> L14.embed(v)).isInstanceOfSatisfying(EmbeddingException.class,
        e -> assertThat(e.index()).isEqualTo(300)).hasMessageContaining("component 300 is NaN");
    v[300] = 0;
    v[5] = Float.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> L14.embed(v)).hasMessageContaining("component 5 is -Infinity");
  }

  @Test
  void anAllZeroVectorIsRejected() {
    assertThatThrownBy(() -> EmbeddingSpace.CLIP_VIT_B_32.embed(new float[512]))
        .isInstanceOf(EmbeddingException.class)
        .hasMessage("embedding space clip-vit-b-32 got an all-zero vector, which has no direction");
  }

  @Test
  void aNormalisedSpaceRejectsVectorsThatAreNotUnitLength() {
    EmbeddingSpace s = EmbeddingSpace.of("host-space", 4, true);
    assertThatThrownBy(() -> s.embed(new float[] {1, 1, 0, 0}))
        .hasMessageContaining("host-space expects L2-normalised vectors, got one of length 1.41");
    assertThat(s.embed(new float[] {0.6f, 0.8f, 0, 0}).values()).containsExactly(0.6f, 0.8f, 0, 0);
  }

  @Test
  void embeddingsAreScaledToUnitLengthAndDoNotAliasTheCallersArray() {
    float[] v = {3, 4};
    ImageEmbedding e = EmbeddingSpace.of("two", 2, false).embed(v);
    v[0] = 100;
    assertThat(e.values()).containsExactly(0.6f, 0.8f);
    assertThat(TestVectors.norm(EmbeddingSpace.CLIP_VIT_L_14.embed(TestVectors.gaussian(new Random(2), 768)).values()))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void spacesParseAsTheCommandLineSpellsThem() {
    assertThat(EmbeddingSpace.parse("clip-vit-l-14")).isEqualTo(L14);
    assertThat(EmbeddingSpace.parse("clip-vit-b-16:512")).isEqualTo(EmbeddingSpace.of("clip-vit-b-16", 512, false));
    assertThatThrownBy(() -> EmbeddingSpace.parse("clip-vit-h-14"))
        .hasMessageContaining("unknown embedding space 'clip-vit-h-14'");
    assertThatThrownBy(() -> EmbeddingSpace.parse("x:abc")).hasMessageContaining("must be the dimension");
    assertThatThrownBy(() -> EmbeddingSpace.of("x", 0, false)).hasMessageContaining("dimension must be 1 to 4096, got 0");
  }

  @Test
  void embeddingsOfDifferentSpacesDoNotMix() {
    ImageEmbedding a = EmbeddingSpace.of("a", 2, false).embed(new float[] {1, 0});
    ImageEmbedding b = EmbeddingSpace.of("b", 2, false).embed(new float[] {1, 0});
    assertThatThrownBy(() -> a.cosine(b)).isInstanceOf(IllegalArgumentException.class);
  }
}
