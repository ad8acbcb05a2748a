package dev.warden.moderation.image;

import java.util.Random;

/** Seeded vectors for tests. */
final class TestVectors {

  private TestVectors() {}

  static float[] gaussian(Random r, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  /** A near-duplicate of unit vector {@code v}: {@code v} plus noise of the given relative size. */
  static float[] near(Random r, float[] v, double noise) {
    float[] out = new float[v.length];
    double scale = noise / Math.sqrt(v.length);
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] + r.nextGaussian() * scale);
    }
    return out;
  }

  static float[] basis(int dim, int i) {
    float[] v = new float[dim];
    v[i] = 1;
    return v;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }
}
