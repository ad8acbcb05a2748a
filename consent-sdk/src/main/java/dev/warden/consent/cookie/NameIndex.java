package dev.warden.consent.cookie;

import dev.warden.policy.CookieMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the entries whose name rule matches a cookie name: exact names by hash, prefixes by a
 * character trie (longest wins), patterns last. Case-sensitive matches win over case-insensitive
 * ones. Immutable after construction; safe to share.
 */
final class NameIndex<T> {

  /** A lookup result: the entries of the best rule and how it matched. */
  record Hit<T>(List<T> entries, CookieMatch match, boolean exactCase) {}

  // Hits are made once here, not per look-up: a response's every cookie is looked up.
  private final Map<String, Hit<T>> exact = new HashMap<>();
  private final Map<String, Hit<T>> exactLower = new HashMap<>();
  private final Trie<T> prefixes = new Trie<>();
  private final Trie<T> prefixesLower = new Trie<>();
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<Hit<T>> patternHits = new ArrayList<>();
  /** Sorted hashes of the lower-cased exact names: most names miss, and then need no lower-casing. */
  private final int[] lowerHashes;
  /** Bit n set when an exact name has n characters (bit 63: 63 or more): most misses skip the map. */
  private final long exactLengths;

  NameIndex(List<T> entries, Function<T, String> name, Function<T, CookieMatch> match) {
    Map<String, List<T>> byPattern = new HashMap<>();
    Map<String, List<T>> exactLists = new HashMap<>();
    Map<String, List<T>> exactLowerLists = new HashMap<>();
    for (T e : entries) {
      String n = name.apply(e);
      switch (match.apply(e)) {
        case EXACT -> {
          exactLists.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
          exactLowerLists.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
        }
        case PREFIX -> {
          prefixes.add(n, e);
          prefixesLower.add(n.toLowerCase(Locale.ROOT), e);
        }
        case PATTERN -> byPattern.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
      }
    }
    for (Map.Entry<String, List<T>> p : byPattern.entrySet()) {
      patterns.add(Pattern.compile(p.getKey()));
      patternHits.add(new Hit<>(List.copyOf(p.getValue()), CookieMatch.PATTERN, true));
    }
    exactLists.forEach((k, v) -> exact.put(k, new Hit<>(List.copyOf(v), CookieMatch.EXACT, true)));
    exactLowerLists.forEach((k, v) -> exactLower.put(k, new Hit<>(List.copyOf(v), CookieMatch.EXACT, false)));
    exactLengths = exact.keySet().stream().mapToLong(k -> 1L << Math.min(k.length(), 63)).reduce(0, (x, y) -> x | y);
    lowerHashes = exactLower.keySet().stream().mapToInt(String::hashCode).sorted().distinct().toArray();
    prefixes.freeze(true);
    prefixesLower.freeze(false);
  }

  /** The best rule matching {@code name}, or null. */
  Hit<T> find(String name) {
    Hit<T> h = (exactLengths >>> Math.min(name.length(), 63) & 1) != 0 ? exact.get(name) : null;
    if (h != null) {
      return h;
    }
    h = prefixes.longestPrefixOf(name, false);
    if (h != null) {
      return h;
    }
    if (lowerHashes.length > 0 && Arrays.binarySearch(lowerHashes, lowerHash(name)) >= 0) {
      h = exactLower.get(name.toLowerCase(Locale.ROOT));
      if (h != null) {
        return h;
      }
    }
    h = prefixesLower.longestPrefixOf(name, true);
    if (h != null) {
      return h;
    }
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(name).matches()) {
        return patternHits.get(i);
      }
    }
    return null;
  }

  /** {@code name.toLowerCase(Locale.ROOT).hashCode()} for ASCII names, without the copy. */
  private static int lowerHash(String name) {
    int h = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 128) {
        return name.toLowerCase(Locale.ROOT).hashCode();
      }
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return h;
  }

  /** A character trie with sorted child arrays; frozen before use. */
  private static final class Trie<T> {
    private char[] keys = new char[0];
    private Trie<T>[] kids = newArray(0);
    private List<T> values;
    private Hit<T> hit;

    @SuppressWarnings("unchecked")
    private static <T> Trie<T>[] newArray(int n) {
      return (Trie<T>[]) new Trie<?>[n];
    }

    void add(String key, T value) {
      Trie<T> node = this;
      for (int i = 0; i < key.length(); i++) {
        node = node.child(key.charAt(i), true);
      }
      if (node.values == null) {
        node.values = new ArrayList<>();
      }
      node.values.add(value);
    }

    private Trie<T> child(char c, boolean create) {
      int i = Arrays.binarySearch(keys, c);
      if (i >= 0) {
        return kids[i];
      }
      if (!create) {
        return null;
      }
      int at = -i - 1;
      char[] k = new char[keys.length + 1];
      Trie<T>[] n = newArray(keys.length + 1);
      System.arraycopy(keys, 0, k, 0, at);
      System.arraycopy(kids, 0, n, 0, at);
      k[at] = c;
      n[at] = new Trie<>();
      System.arraycopy(keys, at, k, at + 1, keys.length - at);
      System.arraycopy(kids, at, n, at + 1, keys.length - at);
      keys = k;
      kids = n;
      return n[at];
    }

    void freeze(boolean exactCase) {
      if (values != null) {
        values = List.copyOf(values);
        hit = new Hit<>(values, CookieMatch.PREFIX, exactCase);
      }
      for (Trie<T> k : kids) {
        k.freeze(exactCase);
      }
    }

    /** The hit of the longest key that is a proper prefix of, or equal to, {@code s}. */
    Hit<T> longestPrefixOf(String s, boolean lowerCase) {
      Trie<T> node = this;
      Hit<T> best = null;
      for (int i = 0; i < s.length() && node != null; i++) {
        char c = s.charAt(i);
        node = node.child(lowerCase ? Character.toLowerCase(c) : c, false);
        if (node != null && node.hit != null) {
          best = node.hit;
        }
      }
      return best;
    }
  }
}
