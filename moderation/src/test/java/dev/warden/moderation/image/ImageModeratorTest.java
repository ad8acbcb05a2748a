package dev.warden.moderation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.Policy;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageModeratorTest {

  private static final EmbeddingSpace S = EmbeddingSpace.CLIP_VIT_L_14;
  private static final int D = 768;

  /** A head that scores the first component, for tests without ONNX. */
  private record FirstComponentHead(String id) implements ClassifierHead {
    @Override
    public int dimension() {
      return D;
    }

    @Override
    public float[] score(float[][] batch) {
      float[] out = new float[batch.length];
      for (int i = 0; i < batch.length; i++) {
        out[i] = Math.max(0, batch[i][0]);
      }
      return out;
    }
  }

  private static float[] towards(int axis, double weight, Random r) {
    float[] v = TestVectors.gaussian(r, D);
    double n = TestVectors.norm(v);
    for (int i = 0; i < D; i++) {
      v[i] = (float) (v[i] / n * Math.sqrt(1 - weight * weight));
    }
    v[axis] += (float) weight;
    return v;
  }

  private static ConceptSet concepts() {
    return ConceptSet.builder(S)
        .specialCare(new Concept("young child", Category.SEXUAL_MINORS, Severity.CRITICAL, S.embed(TestVectors.basis(D, 1)), 0.5))
        .concept(new Concept("nude", Category.SEXUAL, Severity.HIGH, S.embed(TestVectors.basis(D, 0)), 0.5))
        .build();
  }

  @Test
  void aCleanImageIsAllowedWithEveryHeadScoreShown() {
    ImageModerator m = ImageModerator.builder(S).concepts(concepts())
        .head(new FirstComponentHead("first"), Category.SEXUAL, Severity.MEDIUM, 0.9).build();
    ImageResult r = m.moderate(S.embed(towards(5, 0.9, new Random(1))));
    assertThat(r.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(r.findings()).isEmpty();
    assertThat(r.heads()).singleElement().satisfies(h -> assertThat(h.fired()).isFalse());
    assertThat(r.decision().policy()).isEqualTo(Policy.defaultPolicy().ref());
  }

  @Test
  void conceptsKnownItemsAndHeadsCombineIntoOneExplainedDecision(@TempDir Path dir) {
    Random r = new Random(2);
    float[] img = towards(0, 0.95, r);
    try (KnownContentIndex index = KnownContentIndex.builder(dir).space(S).open()) {
      index.add(new KnownItem("known-17", Category.VIOLENCE_GRAPHIC, S.embed(img)));
      ImageModerator m = ImageModerator.builder(S).concepts(concepts()).knownContent(index, 0.95)
          .head(new FirstComponentHead("first"), Category.SEXUAL, Severity.MEDIUM, 0.9).build();
      ImageResult res = m.moderate(S.embed(TestVectors.near(r, S.embed(img).values(), 0.05)));
      assertThat(res.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(res.concepts().concepts()).extracting(h -> h.concept().id()).containsExactly("nude");
      assertThat(res.known()).extracting(KnownMatch::id).containsExactly("known-17");
      assertThat(res.heads()).singleElement().satisfies(h -> assertThat(h.fired()).isTrue());
      assertThat(res.findings()).extracting(f -> f.reason().kind())
          .containsExactly("concept", "known-content", "model");
      assertThat(res.findings().get(1).reason()).isInstanceOfSatisfying(Reason.KnownContent.class,
          k -> assertThat(k.threshold()).isEqualTo(0.95));
      assertThat(res.decision().categories()).extracting(c -> c.category())
          .containsExactlyInAnyOrder(Category.SEXUAL, Category.VIOLENCE_GRAPHIC);
    }
  }

  @Test
  void aChildConceptWithASexualConceptIsBlockedAndReported() {
    Random r = new Random(3);
    float[] img = new float[D];
    img[0] = 0.7f;
    img[1] = 0.7f;
    img[2] = 0.14f;
    ImageResult res = ImageModerator.builder(S).concepts(concepts()).build().moderate(S.embed(img));
    assertThat(res.decision().reportRequired()).isTrue();
    assertThat(res.decision().categories().get(0).category()).isEqualTo(Category.SEXUAL_MINORS);
  }

  @Test
  void aBatchGivesTheSameResultsAsOneByOneFromManyThreads() throws Exception {
    ImageModerator m = ImageModerator.builder(S).concepts(concepts())
        .head(new FirstComponentHead("first"), Category.SEXUAL, Severity.MEDIUM, 0.6).build();
    Random r = new Random(4);
    List<ImageEmbedding> images = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      images.add(S.embed(towards(i % 3, r.nextDouble(), r)));
    }
    List<ImageResult> batch = m.moderateAll(images);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ImageResult>> one = new ArrayList<>();
      for (ImageEmbedding e : images) {
        one.add(pool.submit(() -> m.moderate(e)));
      }
      for (int i = 0; i < images.size(); i++) {
        assertThat(one.get(i).get()).isEqualTo(batch.get(i));
      }
    } finally {
      pool.shutdown();
    }
    assertThat(batch).anySatisfy(x -> assertThat(x.verdict()).isEqualTo(Verdict.BLOCK));
    assertThat(batch).anySatisfy(x -> assertThat(x.verdict()).isEqualTo(Verdict.ALLOW));
  }

  @Test
  void partsOfAnotherSpaceAreRefusedAtBuild() {
    assertThatThrownBy(() -> ImageModerator.builder(EmbeddingSpace.CLIP_VIT_B_32).concepts(concepts()))
        .hasMessageContaining("concept set is of space clip-vit-l-14(768)");
    assertThatThrownBy(() -> ImageModerator.builder(EmbeddingSpace.CLIP_VIT_B_32)
        .head(new FirstComponentHead("first"), Category.SEXUAL, Severity.LOW, 0.5))
        .hasMessage("head first takes 768 dimensions but space clip-vit-b-32 has 512");
    assertThatThrownBy(() -> ImageModerator.builder(S).head(new FirstComponentHead("h"), Category.SEXUAL, Severity.LOW, 1.5))
        .hasMessage("head h threshold must be in [0, 1], got 1.5");
  }
}
