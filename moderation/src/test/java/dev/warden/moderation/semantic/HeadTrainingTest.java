package dev.warden.moderation.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.decision.Category;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Heads trained on a small synthetic set: clusters of unit vectors, one per class. */
class HeadTrainingTest {

  private static final int D = 32;

  /** A seeded synthetic set: {@code perClass} examples around each centre, with noise. */
  record Synthetic(float[][] x, List<Set<Category>> labels) {}

  static Synthetic synthetic(long seed, int perClass, int smallClass) {
    return synthetic(seed, seed + 1000, perClass, smallClass);
  }

  /** Clusters around centres drawn with {@code centreSeed}, examples drawn with {@code sampleSeed}. */
  static Synthetic synthetic(long centreSeed, long sampleSeed, int perClass, int smallClass) {
    Random centresRnd = new Random(centreSeed);
    float[][] centres = new float[4][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = unit(gaussian(centresRnd, 1.0));
    }
    Random rnd = new Random(sampleSeed);
    List<float[]> x = new ArrayList<>();
    List<Set<Category>> y = new ArrayList<>();
    Category[] cats = {null, Category.SEXUAL, Category.VIOLENCE, Category.HATE};
    for (int c = 0; c < 4; c++) {
      int n = c == 0 ? perClass * 3 : c == 3 ? smallClass : perClass;
      for (int i = 0; i < n; i++) {
        float[] v = gaussian(rnd, 0.25);
        for (int k = 0; k < D; k++) {
          v[k] += centres[c][k];
        }
        x.add(unit(v));
        y.add(cats[c] == null ? Set.of() : Set.of(cats[c]));
      }
    }
    return new Synthetic(x.toArray(float[][]::new), y);
  }

  private static float[] gaussian(Random rnd, double sd) {
    float[] v = new float[D];
    for (int k = 0; k < D; k++) {
      v[k] = (float) (rnd.nextGaussian() * sd / Math.sqrt(D) * 4);
    }
    return v;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float f : v) {
      n += f * f;
    }
    for (int k = 0; k < v.length; k++) {
      v[k] /= (float) Math.sqrt(n);
    }
    return v;
  }

  @Test
  void headsTrainedOnASmallSyntheticSetSeparateAFreshSampleOfIt() {
    Synthetic train = synthetic(1, 120, 12);
    TextHeads heads = HeadTraining.builder().build().train(train.x(), train.labels(), "synthetic");
    assertThat(heads.heads()).extracting(TextHead::category)
        .containsExactly(Category.HATE, Category.SEXUAL, Category.VIOLENCE);
    assertThat(heads.heads().get(0)).as("12 examples: a prototype head").isInstanceOf(TextHead.Prototypes.class);
    assertThat(heads.heads().get(1)).isInstanceOf(TextHead.Logistic.class);

    Synthetic fresh = synthetic(1, 77, 120, 12); // the same clusters, examples never seen
    // A head learns its category against the harmless examples only (the other categories' are
    // not its negatives), so the pairs that count are its own examples and the harmless ones.
    int errors = 0;
    int pairs = 0;
    int benignFlagged = 0;
    int benign = 0;
    for (int i = 0; i < fresh.x().length; i++) {
      float[] v = fresh.x()[i];
      boolean harmless = fresh.labels().get(i).isEmpty();
      for (TextHead h : heads.heads()) {
        boolean labelled = fresh.labels().get(i).contains(h.category());
        if (!labelled && !harmless) {
          continue;
        }
        boolean fired = h.score(v) >= 0.5;
        pairs++;
        errors += labelled != fired ? 1 : 0;
        if (harmless) {
          benignFlagged += fired ? 1 : 0;
        }
      }
      benign += harmless ? 1 : 0;
    }
    assertThat(pairs).isGreaterThan(fresh.x().length);
    assertThat(errors).as("misclassified (example, head) pairs of %d", pairs)
        .isLessThanOrEqualTo(pairs / 50);
    assertThat((double) benignFlagged / benign).isLessThanOrEqualTo(0.03);
    assertThat(heads.training()).containsEntry("examples", Integer.toString(train.x().length))
        .containsKey("outOfFoldBenignFalsePositiveRate");
    double oofFpr = Double.parseDouble(heads.training().get("outOfFoldBenignFalsePositiveRate"));
    assertThat(oofFpr).isLessThanOrEqualTo(0.01);
  }

  @Test
  void theOperatingPointKeepsTheHarmlessExamplesAnyHeadFlagsWithinTheBudget() {
    Synthetic train = synthetic(3, 100, 100);
    for (double budget : new double[] {0.0, 0.01, 0.05}) {
      TextHeads heads = HeadTraining.builder().maxBenignFalsePositiveRate(budget).build()
          .train(train.x(), train.labels(), "synthetic");
      double oof = Double.parseDouble(heads.training().get("outOfFoldBenignFalsePositiveRate"));
      assertThat(oof).as("budget %s", budget).isLessThanOrEqualTo(budget);
      for (TextHead h : heads.heads()) {
        assertThat(h.calibration()).isPresent();
        assertThat(h.calibration().get().benignFalsePositiveRate()).isLessThanOrEqualTo(budget);
      }
    }
  }

  @Test
  void trainingIsDeterministicAndTheHeadFileRoundTrips() {
    Synthetic train = synthetic(7, 60, 60);
    HeadTraining t = HeadTraining.builder().seed(42).build();
    TextHeads a = t.train(train.x(), train.labels(), "synthetic");
    TextHeads b = t.train(train.x(), train.labels(), "synthetic");
    assertThat(a.toJson()).isEqualTo(b.toJson());
    TextHeads read = TextHeads.read(new ByteArrayInputStream(a.toJson().getBytes(StandardCharsets.UTF_8)), "a.json");
    assertThat(read.toJson()).isEqualTo(a.toJson());
    for (float[] v : train.x()) {
      for (int h = 0; h < a.heads().size(); h++) {
        assertThat(read.heads().get(h).score(v)).isCloseTo(a.heads().get(h).score(v),
            org.assertj.core.data.Offset.offset(1e-5));
      }
    }
  }

  @Test
  void badTrainingInputIsNamed() {
    HeadTraining t = HeadTraining.builder().build();
    float[][] x = {{1, 0}, {0, 1}};
    assertThatThrownBy(() -> t.train(x, List.of(Set.of(), Set.of()), "e"))
        .hasMessage("training needs examples of at least one category");
    assertThatThrownBy(() -> t.train(x, List.of(Set.of(Category.SEXUAL), Set.of(Category.SEXUAL)), "e"))
        .hasMessage("training needs harmless examples (rows without a category)");
    assertThatThrownBy(() -> t.train(x, List.of(Set.of(Category.SEXUAL), Set.of()), "e"))
        .hasMessage("category sexual has 1 example; a head needs at least 2");
    assertThatThrownBy(() -> t.train(x, List.of(Set.of()), "e")).hasMessage("2 embeddings but 1 labels");
    assertThatThrownBy(() -> HeadTraining.builder().maxBenignFalsePositiveRate(0.9))
        .hasMessage("maxBenignFalsePositiveRate must be in [0, 0.5], got 0.9");
    assertThatThrownBy(() -> HeadTraining.builder().folds(1)).hasMessage("folds must be in [2, 20], got 1");
  }
}
