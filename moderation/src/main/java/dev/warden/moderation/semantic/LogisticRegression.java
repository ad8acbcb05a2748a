package dev.warden.moderation.semantic;

/**
 * Weighted L2-regularised logistic regression fitted by full-batch Adam: deterministic for the same
 * rows and weights.
 */
final class LogisticRegression {

  static final int EPOCHS = 400;
  private static final double RATE = 0.05;
  private static final double L2 = 1e-4;

  private LogisticRegression() {}

  /**
   * Fits {@code w, b} to rows {@code x[rows[i]]} with labels {@code y} and weights {@code
   * weight}; returns {@code d} weights followed by the bias.
   */
  static double[] fit(float[][] x, int[] rows, boolean[] y, double[] weight) {
    int d = x[rows[0]].length;
    double[] w = new double[d + 1];
    double[] m = new double[d + 1];
    double[] v = new double[d + 1];
    double[] g = new double[d + 1];
    double total = 0;
    for (double wt : weight) {
      total += wt;
    }
    double b1 = 0.9;
    double b2 = 0.999;
    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
      java.util.Arrays.fill(g, 0);
      for (int i = 0; i < rows.length; i++) {
        float[] xi = x[rows[i]];
        double z = w[d];
        for (int k = 0; k < d; k++) {
          z += w[k] * xi[k];
        }
        double err = (HeadChecks.sigmoid(z) - (y[i] ? 1 : 0)) * weight[i] / total;
        for (int k = 0; k < d; k++) {
          g[k] += err * xi[k];
        }
        g[d] += err;
      }
      for (int k = 0; k < d; k++) {
        g[k] += L2 * w[k];
      }
      double c1 = 1 - Math.pow(b1, epoch);
      double c2 = 1 - Math.pow(b2, epoch);
      for (int k = 0; k <= d; k++) {
        m[k] = b1 * m[k] + (1 - b1) * g[k];
        v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
        w[k] -= RATE * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
      }
    }
    return w;
  }

  /** The raw score (logit) of one row. */
  static double logit(double[] w, float[] x) {
    int d = x.length;
    double z = w[d];
    for (int k = 0; k < d; k++) {
      z += w[k] * x[k];
    }
    return z;
  }
}
