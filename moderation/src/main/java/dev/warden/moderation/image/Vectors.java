package dev.warden.moderation.image;

import org.apache.lucene.util.VectorUtil;

/**
 * Dot products through Lucene's {@link VectorUtil}, which uses the Panama vector API (SIMD) when
 * the JVM runs with {@code --add-modules jdk.incubator.vector} and a scalar loop otherwise.
 */
final class Vectors {

  private Vectors() {}

  static float dot(float[] a, float[] b) {
    return VectorUtil.dotProduct(a, b);
  }

  static int dot(byte[] a, byte[] b) {
    return VectorUtil.dotProduct(a, b);
  }

  /** A unit-length copy of {@code v}; {@code v} must be finite and non-zero. */
  static float[] unit(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    double norm = Math.sqrt(sum);
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = (float) (v[i] / norm);
    }
    return u;
  }
}
