package dev.warden.moderation.semantic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache from normalised prompt to head scores, split into
 * independently locked stripes so that concurrent callers rarely wait on each other.
 */
final class ScoreCache {

  private static final int STRIPES = 16;

  private final Stripe[] stripes;
  private final boolean enabled;

  ScoreCache(int capacity) {
    this.enabled = capacity > 0;
    this.stripes = new Stripe[STRIPES];
    int per = Math.max(1, (capacity + STRIPES - 1) / STRIPES);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe(per);
    }
  }

  double[] get(String key) {
    if (!enabled) {
      return null;
    }
    Stripe s = stripe(key);
    synchronized (s) {
      return s.get(key);
    }
  }

  void put(String key, double[] scores) {
    if (!enabled) {
      return;
    }
    Stripe s = stripe(key);
    synchronized (s) {
      s.put(key, scores);
    }
  }

  int size() {
    int n = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        n += s.size();
      }
    }
    return n;
  }

  private Stripe stripe(String key) {
    int h = key.hashCode();
    return stripes[(h ^ h >>> 16) & (STRIPES - 1)];
  }

  private static final class Stripe extends LinkedHashMap<String, double[]> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    Stripe(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
      return size() > capacity;
    }
  }
}
