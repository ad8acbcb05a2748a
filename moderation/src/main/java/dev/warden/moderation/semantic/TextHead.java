package dev.warden.moderation.semantic;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * One classification head over sentence embeddings: it scores a unit-length embedding in [0, 1]
 * for one category. Scores are calibrated so that 0.5 is the operating point chosen when the head
 * was trained (see {@link HeadTraining}); the policy's content-rule threshold for the category
 * decides whether a score counts. Immutable and thread-safe.
 */
public sealed interface TextHead permits TextHead.Logistic, TextHead.Prototypes {

  /** The head's name in decisions, such as {@code semantic.sexual}. */
  String id();

  /** The category it detects. */
  Category category();

  /** How serious a finding of this head is. */
  Severity severity();

  /** The number of components of the embeddings it takes. */
  int dimension();

  /** What training measured at the operating point, if the head file says. */
  Optional<HeadCalibration> calibration();

  /** The score of a unit-length embedding of {@link #dimension()} components, in [0, 1]. */
  double score(float[] embedding);

  /**
   * Logistic regression: {@code sigmoid(weights . x + bias)}.
   *
   * @param weights one weight per embedding component (not copied: do not change it)
   */
  record Logistic(String id, Category category, Severity severity, float[] weights, double bias,
      Optional<HeadCalibration> calibration) implements TextHead {

    public Logistic {
      HeadChecks.common(id, category, severity, calibration);
      Objects.requireNonNull(weights, "weights");
      HeadChecks.finite(weights, "head " + id + " weights");
      if (!Double.isFinite(bias)) {
        throw new IllegalArgumentException("head " + id + " bias must be finite, got " + bias);
      }
    }

    @Override
    public int dimension() {
      return weights.length;
    }

    @Override
    public double score(float[] x) {
      HeadChecks.dimension(this, x);
      double z = bias;
      for (int i = 0; i < weights.length; i++) {
        z += weights[i] * x[i];
      }
      return HeadChecks.sigmoid(z);
    }
  }

  /**
   * Prototype similarity, for categories with few examples: {@code sigmoid(scale * (max cosine to
   * a prototype - offset))}.
   *
   * @param prototypes unit-length example embeddings (not copied: do not change them)
   * @param scale how sharply the score rises around {@code offset}, above 0
   * @param offset the cosine at which the score is 0.5
   */
  record Prototypes(String id, Category category, Severity severity, float[][] prototypes,
      double scale, double offset, Optional<HeadCalibration> calibration) implements TextHead {

    public Prototypes {
      HeadChecks.common(id, category, severity, calibration);
      Objects.requireNonNull(prototypes, "prototypes");
      if (prototypes.length == 0) {
        throw new IllegalArgumentException("head " + id + " needs at least one prototype");
      }
      for (int i = 0; i < prototypes.length; i++) {
        if (prototypes[i].length != prototypes[0].length) {
          throw new IllegalArgumentException("head " + id + " prototype " + i + " has "
              + prototypes[i].length + " components, prototype 0 has " + prototypes[0].length);
        }
        HeadChecks.finite(prototypes[i], "head " + id + " prototype " + i);
      }
      if (!(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException("head " + id + " scale must be above 0, got " + scale);
      }
      if (!(offset >= -1 && offset <= 1)) {
        throw new IllegalArgumentException("head " + id + " offset must be in [-1, 1], got " + offset);
      }
    }

    @Override
    public int dimension() {
      return prototypes[0].length;
    }

    /** The highest cosine between {@code x} and a prototype. */
    public double maxSimilarity(float[] x) {
      HeadChecks.dimension(this, x);
      double best = -1;
      for (float[] p : prototypes) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
          s += p[i] * x[i];
        }
        best = Math.max(best, s);
      }
      return best;
    }

    @Override
    public double score(float[] x) {
      return HeadChecks.sigmoid(scale * (maxSimilarity(x) - offset));
    }
  }
}
