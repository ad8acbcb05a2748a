package dev.warden.consent.cookie;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives the learned model's features one character at a time, so that training (which needs
 * strings) and prediction (which needs only a hash of each feature) share one extraction and cannot
 * drift apart. Not thread-safe: one per call or per thread.
 */
abstract class FeatureSink {

  /** Longest feature kept; longer ones are cut, the same way when training and predicting. */
  static final int MAX_FEATURE = 160;

  final char[] buf = new char[MAX_FEATURE];
  int len;

  /** Starts a feature with its kind prefix ({@code "t="}). */
  final FeatureSink begin(String prefix) {
    len = 0;
    return put(prefix);
  }

  final FeatureSink put(char c) {
    if (len < buf.length) {
      buf[len++] = c;
    }
    return this;
  }

  final FeatureSink put(String s) {
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i));
    }
    return this;
  }

  final FeatureSink put(char[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      put(a[i]);
    }
    return this;
  }

  /** Ends the feature begun last. */
  abstract void end();

  /** A whole feature at once. */
  final void feature(String prefix, String value) {
    begin(prefix).put(value).end();
  }

  /**
   * The 64-bit FNV-1a hash of a feature's characters; never 0, which marks an empty slot in
   * {@link HashedWeights}.
   */
  static long hash(char[] a, int len) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < len; i++) {
      h ^= a[i];
      h *= 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }

  static long hash(String s) {
    int n = Math.min(s.length(), MAX_FEATURE);
    char[] a = new char[n];
    s.getChars(0, n, a, 0);
    return hash(a, n);
  }

  /** Collects features as strings, for training and explanations. */
  static final class Strings extends FeatureSink {
    final List<String> out = new ArrayList<>(64);

    @Override
    void end() {
      out.add(new String(buf, 0, len));
    }

    String[] toArray() {
      return out.toArray(new String[0]);
    }
  }
}
