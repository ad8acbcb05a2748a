package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/** The learned fallback: an OpenNLP model over {@link CookieFeatures}. Thread-safe once trained. */
final class CookieModel {

  private final MaxentModel model;
  private final CookieClass[] outcomeClass;
  private final int examples;
  private final double[] prior;

  private CookieModel(MaxentModel model, int examples, java.util.Map<CookieClass, Integer> counts) {
    this.model = model;
    this.examples = examples;
    this.prior = new double[model.getNumOutcomes()];
    for (int i = 0; i < prior.length; i++) {
      prior[i] = counts.getOrDefault(CookieClass.valueOf(model.getOutcome(i)), 1) / (double) examples;
    }
    this.outcomeClass = new CookieClass[model.getNumOutcomes()];
    for (int i = 0; i < outcomeClass.length; i++) {
      outcomeClass[i] = CookieClass.valueOf(model.getOutcome(i));
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
    Set<CookieClass> classes = new HashSet<>();
    java.util.Map<CookieClass, Integer> counts = new java.util.EnumMap<>(CookieClass.class);
    for (Example e : examples) {
      String[] ctx = CookieFeatures.extract(e.input());
      if (seen.add(e.label() + "\u0000" + String.join("\u0001", ctx))) {
        events.add(new Event(e.label().name(), ctx));
        classes.add(e.label());
        counts.merge(e.label(), 1, Integer::sum);
      }
    }
    if (classes.size() < 2) {
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
      p.put("L2Cost", 0.5);
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

  /** The most probable class and its probability. */
  Prediction predict(FeatureInput in) {
    String[] ctx = CookieFeatures.extract(in);
    double[] p = model.eval(ctx);
    // Divide out the training class shares: catalogs over-represent advertising cookies, and a
    // cookie's class should not be guessed from how many of its kind a catalog happens to list.
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] /= prior[i];
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return new Prediction(outcomeClass[best], p[best]);
  }

  record Prediction(CookieClass label, double probability) {
    String describe() {
      // Two decimals without String.format, which would cost more than the prediction.
      long hundredths = Math.round(probability * 100);
      return "model: " + label.name().toLowerCase(Locale.ROOT) + " p=" + hundredths / 100 + "."
          + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    }
  }
}
