package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The learned fallback: an OpenNLP model over {@link CookieFeatures}. The maximum-entropy model is
 * compiled into {@link HashedWeights} for prediction. Thread-safe once trained.
 */
final class CookieModel {

  /** L2 cost of the maximum-entropy trainer (fixed on part of the data, see docs/cookie-classification.md). */
  static final double L2 = 1.0;
  /** How much of the training class shares is divided out: p(class) / share^SHARE_POWER. */
  static final double SHARE_POWER = 1.0;

  private final MaxentModel model;
  private final HashedWeights compiled;
  private final CookieClass[] outcomeClass;
  private final int examples;
  private final double[] priorPower;
  private final ThreadLocal<Work> work;
  private final String[][] describe;

  private CookieModel(MaxentModel model, int examples, Map<CookieClass, Integer> counts) {
    this.model = model;
    this.examples = examples;
    int k = model.getNumOutcomes();
    this.outcomeClass = new CookieClass[k];
    this.priorPower = new double[k];
    double[] bias = new double[k];
    for (int i = 0; i < k; i++) {
      outcomeClass[i] = CookieClass.valueOf(model.getOutcome(i));
      double share = counts.getOrDefault(outcomeClass[i], 1) / (double) examples;
      priorPower[i] = Math.pow(share, SHARE_POWER);
      bias[i] = -SHARE_POWER * Math.log(share);
    }
    this.compiled = model instanceof AbstractModel m && m.getModelType() == AbstractModel.ModelType.MaxentQn
        ? HashedWeights.compile(m, bias) : null;
    this.work = ThreadLocal.withInitial(() -> new Work(compiled));
    this.describe = new String[CookieClass.values().length][101];
    for (CookieClass c : CookieClass.values()) {
      for (int h = 0; h <= 100; h++) {
        describe[c.ordinal()][h] = "model: " + c.name().toLowerCase(Locale.ROOT) + " p=" + h / 100 + "."
            + (h % 100 < 10 ? "0" : "") + h % 100;
      }
    }
  }

  /** Per-thread working memory of a prediction. */
  private static final class Work {
    final CookieFeatures.Scratch scratch = new CookieFeatures.Scratch();
    final HashedWeights.Scorer scorer;

    Work(HashedWeights compiled) {
      this.scorer = compiled == null ? null : compiled.scorer();
    }
  }

  /** A labelled training example. */
  record Example(FeatureInput input, CookieClass label) {}

  /**
   * Trains a model on the examples; exact duplicates (same features and label) count once.
   *
   * @return null when the examples have fewer than two classes (nothing to learn)
   */
  static CookieModel train(List<Example> examples, LearnedModel kind) {
    if (kind == LearnedModel.NONE) {
      return null;
    }
    List<Event> events = new ArrayList<>(examples.size());
    Set<String> seen = new HashSet<>();
    Map<CookieClass, Integer> counts = new EnumMap<>(CookieClass.class);
    for (Example e : examples) {
      String[] ctx = CookieFeatures.extract(e.input());
      if (seen.add(e.label() + "\u0000" + String.join("\u0001", ctx))) {
        events.add(new Event(e.label().name(), ctx));
        counts.merge(e.label(), 1, Integer::sum);
      }
    }
    if (counts.size() < 2) {
      return null;
    }
    TrainingParameters p = new TrainingParameters();
    p.put(TrainingParameters.CUTOFF_PARAM, 1);
    p.put("DataIndexer", "OnePass");
    p.put("PrintMessages", false);
    if (kind == LearnedModel.NAIVE_BAYES) {
      p.put(TrainingParameters.ALGORITHM_PARAM, "NAIVEBAYES");
    } else {
      p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
      p.put(TrainingParameters.ITERATIONS_PARAM, 200);
      p.put("L2Cost", L2);
      // OpenNLP's default adds an L1 cost of 0.1; without it the model generalises as well and its
      // probabilities are better calibrated (docs/cookie-classification.md).
      p.put("L1Cost", 0.0);
      p.put(TrainingParameters.THREADS_PARAM, 1);
    }
    EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
    try {
      return new CookieModel(trainer.train(ObjectStreamUtils.createObjectStream(events)), events.size(), counts);
    } catch (IOException e) {
      throw new UncheckedIOException("training the cookie model failed", e);
    }
  }

  /** How many distinct examples the model was trained on. */
  int examples() {
    return examples;
  }

  /**
   * Each class's probability, in {@link #outcomes()} order, with the training class shares divided
   * out: catalogs over-represent advertising cookies, and a cookie's class should not be guessed
   * from how many of its kind a catalog happens to list.
   */
  double[] probabilities(FeatureInput in) {
    Work w = work.get();
    if (w.scorer != null) {
      w.scorer.reset();
      CookieFeatures.extract(in, w.scorer, w.scratch);
      return w.scorer.probabilities();
    }
    return probabilitiesByOpenNlp(in);
  }

  /**
   * The same probabilities computed by OpenNLP's own {@code eval} over feature strings: the path
   * of models that are not compiled, and the reference the compiled model is tested against.
   */
  double[] probabilitiesByOpenNlp(FeatureInput in) {
    double[] p = model.eval(CookieFeatures.extract(in));
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] /= priorPower[i];
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** The classes of {@link #probabilities} in order. */
  CookieClass[] outcomes() {
    return outcomeClass.clone();
  }

  /** The most probable class and its probability. */
  Prediction predict(FeatureInput in) {
    double[] p = probabilities(in);
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return new Prediction(outcomeClass[best], p[best], describe(outcomeClass[best], p[best]));
  }

  /** {@code model: analytics p=0.87}, from a table: a string per prediction would cost more than it. */
  private String describe(CookieClass label, double probability) {
    return describe[label.ordinal()][(int) Math.round(probability * 100)];
  }

  record Prediction(CookieClass label, double probability, String describe) {}
}
