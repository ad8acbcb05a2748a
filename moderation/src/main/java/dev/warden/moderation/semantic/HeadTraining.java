package dev.warden.moderation.semantic;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains classification heads from labelled example prompts. Immutable and thread-safe; a training
 * run is deterministic for the same examples, encoder and settings.
 *
 * <p>Each category with at least {@link Builder#minLogisticExamples} examples gets a logistic
 * regression head (its examples against the harmless ones, the two sides weighted equally; the other
 * categories' examples are left out, since a prompt is often harmful in more than one way and a head
 * that learns to reject the neighbouring categories misses such prompts); a category with fewer gets
 * a prototype head (its example embeddings, scored by the highest cosine). The operating points are
 * then set on out-of-fold scores (k-fold cross-validation, so no example is scored by a head that saw
 * it): the harmless examples that <em>any</em> head flags must stay within {@link
 * Builder#maxBenignFalsePositiveRate}, and that budget goes, one harmless example at a time, to the
 * head that catches the most further harmful examples with it. The final heads are trained on all
 * examples and shifted so that each one's operating point scores 0.5.
 *
 * {@snippet :
 * TextHeads heads = HeadTraining.builder().maxBenignFalsePositiveRate(0.01).build()
 *     .train(examples, encoder);
 * heads.write(Path.of("heads.json"));
 * }
 */
public final class HeadTraining {

  /** The score slope of prototype heads per unit of cosine. */
  static final double PROTOTYPE_SCALE = 20;

  private final double maxFpr;
  private final int folds;
  private final long seed;
  private final int minLogistic;
  private final Severity severity;

  private HeadTraining(Builder b) {
    this.maxFpr = b.maxFpr;
    this.folds = b.folds;
    this.seed = b.seed;
    this.minLogistic = b.minLogistic;
    this.severity = b.severity;
  }

  /** A builder with a 1% false-positive budget, 5 folds and seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Embeds the examples with {@code encoder} and trains one head per category found.
   *
   * @throws IllegalArgumentException if there are no harmless examples, or a category has fewer
   *     than 2 examples
   */
  public TextHeads train(List<LabelledPrompt> examples, TextEncoder encoder) {
    return train(examples, List.of(), encoder);
  }

  /**
   * As {@link #train(List, TextEncoder)}, with harmless prompts that only set the operating point:
   * they are not trained on, and the heads together may flag at most the budget's share of them
   * too (a held-aside set of hard harmless prompts makes the operating point more cautious).
   * Calibration prompts with a category are ignored.
   */
  public TextHeads train(List<LabelledPrompt> examples, List<LabelledPrompt> calibration, TextEncoder encoder) {
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(encoder, "encoder");
    List<LabelledPrompt> harmless = calibration.stream().filter(LabelledPrompt::benign).toList();
    return train(embed(examples, encoder), examples.stream().map(LabelledPrompt::categories).toList(),
        encoder.id(), embed(harmless, encoder));
  }

  private static float[][] embed(List<LabelledPrompt> prompts, TextEncoder encoder) {
    // One at a time: a quantised encoder's output depends a little on its batch mates, and a
    // training run must not depend on the order of the rows.
    float[][] x = new float[prompts.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = encoder.embed(List.of(encoder.cacheKey(prompts.get(i).prompt())))[0];
    }
    return x;
  }

  /**
   * Trains on embeddings that are already computed: {@code x[i]} is the unit-length embedding of
   * an example with the categories {@code labels.get(i)} (empty: harmless).
   */
  public TextHeads train(float[][] x, List<? extends java.util.Set<Category>> labels, String encoderId) {
    return train(x, labels, encoderId, new float[0][]);
  }

  /**
   * As {@link #train(float[][], List, String)}, with embeddings of harmless prompts that only set
   * the operating point.
   */
  public TextHeads train(float[][] x, List<? extends java.util.Set<Category>> labels, String encoderId,
      float[][] calibrationHarmless) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(calibrationHarmless, "calibrationHarmless");
    Objects.requireNonNull(labels, "labels");
    if (x.length != labels.size()) {
      throw new IllegalArgumentException(x.length + " embeddings but " + labels.size() + " labels");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("no examples");
    }
    int n = x.length;
    int d = x[0].length;
    for (int i = 0; i < n; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("embedding " + i + " has " + x[i].length + " components, embedding 0 has " + d);
      }
    }
    int[] benign = java.util.stream.IntStream.range(0, n).filter(i -> labels.get(i).isEmpty()).toArray();
    if (benign.length == 0) {
      throw new IllegalArgumentException("training needs harmless examples (rows without a category)");
    }
    TreeSet<Category> categories = new TreeSet<>();
    labels.forEach(categories::addAll);
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("training needs examples of at least one category");
    }
    int[] fold = folds(n);
    List<Category> cats = List.copyOf(categories);
    double[][] oof = new double[cats.size()][];
    Object[] finals = new Object[cats.size()];
    boolean[] logistic = new boolean[cats.size()];
    for (int c = 0; c < cats.size(); c++) {
      Category cat = cats.get(c);
      int positives = (int) labels.stream().filter(l -> l.contains(cat)).count();
      if (positives < 2) {
        throw new IllegalArgumentException("category " + cat + " has " + positives + " example; a head needs at least 2");
      }
      logistic[c] = positives >= minLogistic;
      oof[c] = new double[n];
      for (int f = 0; f < folds; f++) {
        int ff = f;
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
        Object model = fit(x, labels, cat, train, logistic[c]);
        for (int i = 0; i < n; i++) {
          if (fold[i] == f) {
            oof[c][i] = raw(model, x[i], logistic[c]);
          }
        }
      }
      finals[c] = fit(x, labels, cat, java.util.stream.IntStream.range(0, n).toArray(), logistic[c]);
    }
    double[][] cal = new double[cats.size()][calibrationHarmless.length];
    for (int c = 0; c < cats.size(); c++) {
      for (int j = 0; j < calibrationHarmless.length; j++) {
        if (calibrationHarmless[j].length != d) {
          throw new IllegalArgumentException("calibration embedding " + j + " has "
              + calibrationHarmless[j].length + " components, the examples have " + d);
        }
        cal[c][j] = raw(finals[c], calibrationHarmless[j], logistic[c]);
      }
    }
    double[] thresholds = OperatingPoints.choose(oof, benign, cal, labels, maxFpr);
    List<TextHead> heads = new ArrayList<>();
    int unionFp = 0;
    for (int b : benign) {
      boolean any = false;
      for (int c = 0; c < cats.size(); c++) {
        any |= oof[c][b] >= thresholds[c];
      }
      unionFp += any ? 1 : 0;
    }
    int flaggedPositives = 0;
    int harmful = n - benign.length;
    for (int i = 0; i < n; i++) {
      if (!labels.get(i).isEmpty()) {
        for (int c = 0; c < cats.size(); c++) {
          if (oof[c][i] >= thresholds[c]) {
            flaggedPositives++;
            break;
          }
        }
      }
    }
    for (int c = 0; c < cats.size(); c++) {
      Category cat = cats.get(c);
      int pos = 0;
      int hit = 0;
      int fp = 0;
      for (int i = 0; i < n; i++) {
        if (labels.get(i).contains(cat)) {
          pos++;
          hit += oof[c][i] >= thresholds[c] ? 1 : 0;
        }
      }
      for (int b : benign) {
        fp += oof[c][b] >= thresholds[c] ? 1 : 0;
      }
      Optional<HeadCalibration> measured = Optional.of(new HeadCalibration(pos, benign.length,
          (double) hit / pos, (double) fp / benign.length));
      String id = "semantic." + cat.id().replace('/', '.');
      if (logistic[c]) {
        double[] w = (double[]) finals[c];
        float[] weights = new float[d];
        for (int k = 0; k < d; k++) {
          weights[k] = (float) w[k];
        }
        heads.add(new TextHead.Logistic(id, cat, severity, weights, w[d] - thresholds[c], measured));
      } else {
        heads.add(new TextHead.Prototypes(id, cat, severity, (float[][]) finals[c], PROTOTYPE_SCALE,
            Math.max(-1, Math.min(1, thresholds[c])), measured));
      }
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("examples", Integer.toString(n));
    info.put("benignExamples", Integer.toString(benign.length));
    info.put("folds", Integer.toString(folds));
    info.put("seed", Long.toString(seed));
    info.put("maxBenignFalsePositiveRate", Double.toString(maxFpr));
    info.put("outOfFoldBenignFalsePositiveRate", String.format(Locale.ROOT, "%.4f", (double) unionFp / benign.length));
    if (calibrationHarmless.length > 0) {
      info.put("calibrationBenignExamples", Integer.toString(calibrationHarmless.length));
      info.put("calibrationBenignFalsePositiveRate", String.format(Locale.ROOT, "%.4f",
          (double) OperatingPoints.flagged(cal, thresholds) / calibrationHarmless.length));
    }
    info.put("outOfFoldRecall", String.format(Locale.ROOT, "%.4f", harmful == 0 ? 0.0 : (double) flaggedPositives / harmful));
    return new TextHeads(encoderId, d, heads, info);
  }

  private int[] folds(int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Collections.shuffle(Arrays.asList(order), new Random(seed));
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[order[i]] = i % folds;
    }
    return fold;
  }

  private Object fit(float[][] x, List<? extends java.util.Set<Category>> labels, Category cat, int[] rows,
      boolean logistic) {
    if (!logistic) {
      return Arrays.stream(rows).filter(i -> labels.get(i).contains(cat)).mapToObj(i -> x[i].clone())
          .toArray(float[][]::new);
    }
    // The category's examples against the harmless ones; the other categories' are left out.
    int[] kept = Arrays.stream(rows)
        .filter(i -> labels.get(i).contains(cat) || labels.get(i).isEmpty())
        .toArray();
    boolean[] y = new boolean[kept.length];
    double[] weight = new double[kept.length];
    double pos = 0;
    double neg = 0;
    for (int i = 0; i < kept.length; i++) {
      y[i] = labels.get(kept[i]).contains(cat);
      weight[i] = 1;
      if (y[i]) {
        pos += 1;
      } else {
        neg += 1;
      }
    }
    if (pos == 0 || neg == 0) {
      // A fold without one side: a constant head that flags nothing (or everything).
      double[] w = new double[x[0].length + 1];
      w[w.length - 1] = pos == 0 ? -30 : 30;
      return w;
    }
    for (int i = 0; i < kept.length; i++) {
      weight[i] *= y[i] ? 0.5 / pos : 0.5 / neg;
    }
    return LogisticRegression.fit(x, kept, y, weight);
  }

  private static double raw(Object model, float[] x, boolean logistic) {
    if (logistic) {
      return LogisticRegression.logit((double[]) model, x);
    }
    double best = -1;
    for (float[] p : (float[][]) model) {
      double s = 0;
      for (int k = 0; k < p.length; k++) {
        s += p[k] * x[k];
      }
      best = Math.max(best, s);
    }
    return best;
  }

  /** Configures a {@link HeadTraining}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private double maxFpr = 0.01;
    private int folds = 5;
    private long seed = 1;
    private int minLogistic = 30;
    private Severity severity = Severity.MEDIUM;

    private Builder() {}

    /** The share of harmless examples the heads together may flag, out of fold; in [0, 0.5] (default 0.01). */
    public Builder maxBenignFalsePositiveRate(double rate) {
      if (!(rate >= 0 && rate <= 0.5)) {
        throw new IllegalArgumentException("maxBenignFalsePositiveRate must be in [0, 0.5], got " + rate);
      }
      this.maxFpr = rate;
      return this;
    }

    /** Cross-validation folds for the operating point; 2 to 20 (default 5). */
    public Builder folds(int k) {
      if (k < 2 || k > 20) {
        throw new IllegalArgumentException("folds must be in [2, 20], got " + k);
      }
      this.folds = k;
      return this;
    }

    /** The seed of the fold assignment (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Categories with fewer examples get a prototype head instead of a logistic one (default 30). */
    public Builder minLogisticExamples(int n) {
      if (n < 2 || n > 100_000) {
        throw new IllegalArgumentException("minLogisticExamples must be in [2, 100000], got " + n);
      }
      this.minLogistic = n;
      return this;
    }

    /** The severity of the heads' findings (default medium). */
    public Builder severity(Severity s) {
      this.severity = Objects.requireNonNull(s, "severity");
      return this;
    }

    public HeadTraining build() {
      return new HeadTraining(this);
    }
  }
}
