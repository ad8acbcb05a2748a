package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The purpose words of {@code purpose-hints.txt}: which classes a cookie name's words hint at, as a
 * bit set (bit {@code CookieClass.ordinal()}). Immutable; look-ups allocate nothing.
 */
final class PurposeHints {

  private static final String RESOURCE = "purpose-hints.txt";
  private static final int MIN_STEM = 4;

  static final PurposeHints BUILT_IN = load();

  /** Whole words, by {@link FeatureSink#hash}, open addressing. */
  private final long[] wordKeys;
  private final byte[] wordBits;
  private final int wordMask;
  /** Stems, sorted by their first two characters (as {@code c0 << 16 | c1}). */
  private final int[] stemHeads;
  private final char[][] stems;
  private final byte[] stemBits;

  private PurposeHints(Map<String, Integer> words, Map<String, Integer> stemMap) {
    int cap = Integer.highestOneBit(Math.max(4, words.size() * 3)) << 1;
    wordKeys = new long[cap];
    wordBits = new byte[cap];
    wordMask = cap - 1;
    for (Map.Entry<String, Integer> e : words.entrySet()) {
      char[] w = e.getKey().toCharArray();
      long h = FeatureSink.hash(w, w.length);
      int i = HashedWeights.slot(h) & wordMask;
      while (wordKeys[i] != 0 && wordKeys[i] != h) {
        i = (i + 1) & wordMask;
      }
      wordKeys[i] = h;
      wordBits[i] |= (byte) (int) e.getValue();
    }
    List<String> sorted = new ArrayList<>(stemMap.keySet());
    sorted.sort((a, b) -> Integer.compare(head(a), head(b)));
    stemHeads = new int[sorted.size()];
    stems = new char[sorted.size()][];
    stemBits = new byte[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      stemHeads[i] = head(sorted.get(i));
      stems[i] = sorted.get(i).toCharArray();
      stemBits[i] = (byte) (int) stemMap.get(sorted.get(i));
    }
  }

  private static int head(String s) {
    return s.charAt(0) << 16 | s.charAt(1);
  }

  /** The classes the word {@code a[from, to)} (lower case) hints at. */
  int word(char[] a, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= a[i];
      h *= 0x100000001b3L;
    }
    if (h == 0) {
      h = 1;
    }
    int i = HashedWeights.slot(h) & wordMask;
    while (wordKeys[i] != 0) {
      if (wordKeys[i] == h) {
        return wordBits[i];
      }
      i = (i + 1) & wordMask;
    }
    return 0;
  }

  /** The classes the stems found anywhere in the lower-case text {@code a[0, len)} hint at. */
  int stems(char[] a, int len) {
    int bits = 0;
    for (int i = 0; i + MIN_STEM <= len; i++) {
      int key = a[i] << 16 | a[i + 1];
      int k = Arrays.binarySearch(stemHeads, key);
      if (k < 0) {
        continue;
      }
      while (k > 0 && stemHeads[k - 1] == key) {
        k--;
      }
      for (; k < stemHeads.length && stemHeads[k] == key; k++) {
        if (matchesAt(a, len, i, stems[k])) {
          bits |= stemBits[k];
        }
      }
    }
    return bits;
  }

  private static boolean matchesAt(char[] a, int len, int at, char[] stem) {
    if (at + stem.length > len) {
      return false;
    }
    for (int j = 2; j < stem.length; j++) {
      if (a[at + j] != stem[j]) {
        return false;
      }
    }
    return true;
  }

  static PurposeHints read(BufferedReader r, String source) throws IOException {
    Map<String, Integer> words = new HashMap<>();
    Map<String, Integer> stemMap = new HashMap<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException(source + ":" + n + ": expected 'class: word word ...'");
      }
      CookieClass c;
      try {
        c = CookieClass.valueOf(line.substring(0, colon).strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(source + ":" + n + ": unknown class '" + line.substring(0, colon) + "'", e);
      }
      for (String w : line.substring(colon + 1).strip().split("\\s+")) {
        if (w.endsWith("*")) {
          String stem = w.substring(0, w.length() - 1);
          if (stem.length() < MIN_STEM) {
            throw new IllegalStateException(source + ":" + n + ": stem '" + w + "' is shorter than " + MIN_STEM);
          }
          stemMap.merge(stem, 1 << c.ordinal(), (a, b) -> a | b);
        } else if (!w.isEmpty()) {
          words.merge(w, 1 << c.ordinal(), (a, b) -> a | b);
        }
      }
    }
    return new PurposeHints(words, stemMap);
  }

  private static PurposeHints load() {
    try (InputStream in = PurposeHints.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("purpose hints missing: " + RESOURCE);
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the purpose hints", e);
    }
  }
}
