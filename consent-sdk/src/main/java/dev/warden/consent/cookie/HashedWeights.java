package dev.warden.consent.cookie;

import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * A trained maximum-entropy model compiled for prediction: each feature's weights found by the
 * 64-bit hash of its characters in an open-addressing table, so that predicting builds no feature
 * strings and asks no {@code HashMap}. Scores are OpenNLP's ({@code QNModel.eval}: the sum of the
 * weights of the features present, then a softmax), plus a per-class bias. Immutable.
 */
final class HashedWeights {

  private final long[] keys;
  private final double[] weights;
  private final int mask;
  private final int outcomes;
  private final double[] bias;

  private HashedWeights(long[] keys, double[] weights, int outcomes, double[] bias) {
    this.keys = keys;
    this.weights = weights;
    this.mask = keys.length - 1;
    this.outcomes = outcomes;
    this.bias = bias.clone();
  }

  /**
   * Compiles a model whose {@code eval} is a softmax of summed weights (OpenNLP's L-BFGS
   * maximum-entropy model).
   *
   * @param bias added to each outcome's score before the softmax
   */
  @SuppressWarnings("unchecked")
  static HashedWeights compile(AbstractModel model, double[] bias) {
    Map<String, Context> pmap = (Map<String, Context>) model.getDataStructures()[1];
    int k = model.getNumOutcomes();
    int cap = Integer.highestOneBit(Math.max(4, pmap.size() * 2)) << 1;
    long[] keys = new long[cap];
    double[] weights = new double[cap * k];
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      long h = FeatureSink.hash(e.getKey());
      int i = slot(h) & (cap - 1);
      // Two features with one 64-bit hash (never seen in practice) share a slot: their weights add.
      while (keys[i] != 0 && keys[i] != h) {
        i = (i + 1) & (cap - 1);
      }
      keys[i] = h;
      int[] o = e.getValue().getOutcomes();
      double[] p = e.getValue().getParameters();
      for (int j = 0; j < o.length; j++) {
        weights[i * k + o[j]] += p[j];
      }
    }
    return new HashedWeights(keys, weights, k, bias);
  }

  /** Spreads a hash over the table (the FNV-1a low bits are weak). */
  static int slot(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }

  int outcomes() {
    return outcomes;
  }

  /** A sink that adds each feature's weights to {@code scores}; reuse it per thread. */
  Scorer scorer() {
    return new Scorer();
  }

  /** Sums weights as features arrive; {@link #probabilities()} turns the sums into probabilities. */
  final class Scorer extends FeatureSink {
    final double[] scores = new double[outcomes];

    void reset() {
      System.arraycopy(bias, 0, scores, 0, outcomes);
    }

    @Override
    void end() {
      long h = hash(buf, len);
      int i = slot(h) & mask;
      long key;
      while ((key = keys[i]) != 0) {
        if (key == h) {
          int at = i * outcomes;
          for (int o = 0; o < outcomes; o++) {
            scores[o] += weights[at + o];
          }
          return;
        }
        i = (i + 1) & mask;
      }
    }

    /** Softmax of the scores, in place. */
    double[] probabilities() {
      double max = Double.NEGATIVE_INFINITY;
      for (double s : scores) {
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int o = 0; o < outcomes; o++) {
        scores[o] = Math.exp(scores[o] - max);
        sum += scores[o];
      }
      for (int o = 0; o < outcomes; o++) {
        scores[o] /= sum;
      }
      return scores;
    }
  }
}
