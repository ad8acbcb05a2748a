package dev.warden.moderation.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Stable Diffusion safety checker's rule, reproduced on constructed vectors: concept
 * directions are basis vectors, so each cosine is exactly one component of the image, and each
 * threshold is set at a chosen margin from it.
 */
class SafetyCheckerSemanticsTest {

  private static final EmbeddingSpace S = EmbeddingSpace.CLIP_VIT_L_14;
  private static final int D = 768;

  private final ImageEmbedding image = S.embed(TestVectors.gaussian(new Random(7), D));
  private final float[] u = image.values();

  /** A concept along basis vector {@code i} whose threshold sits {@code margin} below the image's cosine. */
  private Concept concept(String id, int i, double margin) {
    return new Concept(id, Category.SEXUAL, Severity.HIGH, S.embed(TestVectors.basis(D, i)), u[i] - margin);
  }

  private Concept special(String id, int i, double margin) {
    return new Concept(id, Category.SEXUAL_MINORS, Severity.CRITICAL, S.embed(TestVectors.basis(D, i)), u[i] - margin);
  }

  private static List<String> ids(List<ConceptHit> hits) {
    return hits.stream().map(h -> h.concept().id()).toList();
  }

  @Test
  void pythonRoundingDecidesTheBoundary() {
    // Python: round(0.0005, 3) == 0.001 (the double is just above 0.0005); the next double down rounds to 0.0.
    assertThat(ConceptSet.minFiring(3)).isEqualTo(0.0005);
    ConceptSet set = ConceptSet.builder(S)
        .concept(concept("rounds-to-zero", 0, 0.0004))
        .concept(concept("rounds-up", 1, 0.0006))
        .concept(concept("below", 2, -0.01))
        .build();
    ConceptCheck c = set.check(image);
    assertThat(ids(c.concepts())).containsExactly("rounds-up");
    assertThat(c.concepts().get(0).margin()).isEqualTo(0.001);
    assertThat(c.concepts().get(0).similarity()).isEqualTo(u[1]);
    assertThat(c.flagged()).isTrue();
  }

  @Test
  void withoutRoundingAnyPositiveMarginFires() {
    ConceptSet set = ConceptSet.builder(S).scoreDecimals(ConceptSet.NO_ROUNDING)
        .concept(concept("tiny", 0, 0.0004)).concept(concept("negative", 1, -0.0001)).build();
    assertThat(ids(set.check(image).concepts())).containsExactly("tiny");
  }

  @Test
  void aFiredSpecialCareConceptLowersEveryThresholdByTheAdjustment() {
    ConceptSet set = ConceptSet.builder(S)
        .specialCare(special("young child", 10, 0.002))
        .concept(concept("caught-by-adjustment", 0, -0.009))
        .concept(concept("still-below", 1, -0.0096))
        .build();
    ConceptCheck c = set.check(image);
    assertThat(ids(c.specialCare())).containsExactly("young child");
    assertThat(c.adjustment()).isEqualTo(0.01);
    assertThat(ids(c.concepts())).containsExactly("caught-by-adjustment");
    ConceptHit hit = c.concepts().get(0);
    assertThat(hit.margin()).isEqualTo(0.001);
    assertThat(hit.threshold()).isEqualTo(u[0] + 0.009 - 0.01);

    ConceptSet withoutSpecial = ConceptSet.builder(S)
        .concept(concept("caught-by-adjustment", 0, -0.009)).build();
    assertThat(withoutSpecial.check(image).concepts()).isEmpty();
  }

  @Test
  void theAdjustmentAppliesOnlyToSpecialCareConceptsAfterTheFirstThatFired() {
    ConceptSet set = ConceptSet.builder(S)
        .specialCare(special("small girl", 10, -0.005))
        .specialCare(special("young child", 11, 0.002))
        .specialCare(special("young girl", 12, -0.005))
        .build();
    ConceptCheck c = set.check(image);
    // The first is checked before any adjustment; the third after the second fired.
    assertThat(ids(c.specialCare())).containsExactly("young child", "young girl");
    assertThat(c.specialCare().get(1).margin()).isEqualTo(0.005);
  }

  @Test
  void aSpecialCareConceptAloneIsNotAFindingButWithAConceptItIs() {
    ConceptSet alone = ConceptSet.builder(S).specialCare(special("young child", 10, 0.05)).build();
    ConceptCheck a = alone.check(image);
    assertThat(a.flagged()).isFalse();
    assertThat(a.findings()).isEmpty();

    ConceptSet both = alone.toBuilder().concept(concept("nude", 0, 0.03)).build();
    assertThat(both.check(image).findings()).extracting(f -> f.category())
        .containsExactly(Category.SEXUAL, Category.SEXUAL_MINORS);
  }

  @Test
  void theAdjustmentIsConfigurable() {
    ConceptSet set = ConceptSet.builder(S).specialCareAdjustment(0.05)
        .specialCare(special("young child", 10, 0.002))
        .concept(concept("within-0.05", 0, -0.04)).build();
    assertThat(ids(set.check(image).concepts())).containsExactly("within-0.05");
  }

  @Test
  void findingScoresAreAboveOneHalfExactlyWhenAConceptFires() {
    ConceptSet set = ConceptSet.builder(S).concept(concept("a", 0, 0.0006)).concept(concept("b", 1, 0.05)).build();
    assertThat(set.check(image).findings()).allSatisfy(f -> assertThat(f.score()).isGreaterThan(0.5));
    assertThat(set.check(image).findings().get(1).score()).isCloseTo(1 / (1 + Math.exp(-5)),
        org.assertj.core.data.Offset.offset(1e-9));
  }

  /** The checker's loop, as diffusers writes it, over the same cosines. */
  private static List<List<Integer>> reference(double[] sc, double[] sw, double[] cc, double[] cw,
      double adjustmentAmount) {
    List<Integer> special = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    double adjustment = 0.0;
    for (int j = 0; j < sc.length; j++) {
      double s = round3(sc[j] - sw[j] + adjustment);
      if (s > 0) {
        special.add(j);
        adjustment = adjustmentAmount;
      }
    }
    for (int i = 0; i < cc.length; i++) {
      if (round3(cc[i] - cw[i] + adjustment) > 0) {
        bad.add(i);
      }
    }
    return List.of(special, bad);
  }

  private static double round3(double x) {
    return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
  }

  @Test
  void seededRandomImagesAgreeWithTheCheckersLoop() {
    Random r = new Random(20221005);
    EmbeddingSpace small = EmbeddingSpace.of("test-16", 16, false);
    for (int round = 0; round < 300; round++) {
      int nc = 1 + r.nextInt(17);
      int ns = r.nextInt(4);
      ConceptSet.Builder b = ConceptSet.builder(small);
      List<Concept> cs = new ArrayList<>();
      List<Concept> ss = new ArrayList<>();
      ImageEmbedding img = small.embed(TestVectors.gaussian(r, 16));
      for (int i = 0; i < nc + ns; i++) {
        ImageEmbedding dir = small.embed(TestVectors.gaussian(r, 16));
        // Thresholds near the cosine, so that rounding and the adjustment matter often.
        double w = Math.max(-1, Math.min(1, img.cosine(dir) + (r.nextDouble() - 0.5) * 0.03));
        Concept c = new Concept("c" + i, Category.SEXUAL, Severity.LOW, dir, w);
        if (i < ns) {
          ss.add(c);
          b.specialCare(c);
        } else {
          cs.add(c);
          b.concept(c);
        }
      }
      ConceptCheck got = b.build().check(img);
      List<List<Integer>> want = reference(
          ss.stream().mapToDouble(c -> img.cosine(c.embedding())).toArray(),
          ss.stream().mapToDouble(Concept::threshold).toArray(),
          cs.stream().mapToDouble(c -> img.cosine(c.embedding())).toArray(),
          cs.stream().mapToDouble(Concept::threshold).toArray(), 0.01);
      assertThat(got.specialCare().stream().map(h -> ss.indexOf(h.concept())).toList())
          .as("special-care, round %d", round).isEqualTo(want.get(0));
      assertThat(got.concepts().stream().map(h -> cs.indexOf(h.concept())).toList())
          .as("concepts, round %d", round).isEqualTo(want.get(1));
    }
  }
}
