package dev.warden.moderation.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test encoder without a model: each word of the (lower-cased) text adds a fixed random unit
 * vector, and the sum is normalised, so that texts sharing words get similar embeddings. It counts
 * calls and batch sizes, and can be held to simulate a slow model.
 */
final class FakeEncoder implements TextEncoder {

  static final int DIMENSION = 64;

  final AtomicInteger entered = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger texts = new AtomicInteger();
  final AtomicInteger largestBatch = new AtomicInteger();
  final List<Integer> batches = java.util.Collections.synchronizedList(new ArrayList<>());
  volatile CountDownLatch hold;

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String cacheKey(String text) {
    return String.join(" ", text.toLowerCase(Locale.ROOT).strip().split("\\s+"));
  }

  @Override
  public float[][] embed(List<String> batch) {
    entered.incrementAndGet();
    CountDownLatch h = hold;
    if (h != null) {
      try {
        h.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    calls.incrementAndGet();
    texts.addAndGet(batch.size());
    batches.add(batch.size());
    largestBatch.accumulateAndGet(batch.size(), Math::max);
    float[][] out = new float[batch.size()][];
    for (int i = 0; i < batch.size(); i++) {
      out[i] = vector(batch.get(i));
    }
    return out;
  }

  static float[] vector(String text) {
    float[] v = new float[DIMENSION];
    for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (w.isEmpty()) {
        continue;
      }
      java.util.Random r = new java.util.Random(w.hashCode());
      for (int k = 0; k < DIMENSION; k++) {
        v[k] += (float) r.nextGaussian();
      }
    }
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float s = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
    for (int k = 0; k < DIMENSION; k++) {
      v[k] *= s;
    }
    return v;
  }
}
