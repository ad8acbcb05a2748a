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

  private final Map<String, List<T>> exact = new HashMap<>();
  private final Map<String, List<T>> exactLower = new HashMap<>();
  private final Trie<T> prefixes = new Trie<>();
  private final Trie<T> prefixesLower = new Trie<>();
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<List<T>> patternEntries = new ArrayList<>();
  /** Sorted hashes of the lower-cased exact names: most names miss, and then need no lower-casing. */
  private final int[] lowerHashes;

  NameIndex(List<T> entries, Function<T, String> name, Function<T, CookieMatch> match) {
    Map<String, List<T>> byPattern = new HashMap<>();
    for (T e : entries) {
      String n = name.apply(e);
      switch (match.apply(e)) {
        case EXACT -> {
          exact.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
          exactLower.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
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
      patternEntries.add(List.copyOf(p.getValue()));
    }
    exact.replaceAll((k, v) -> List.copyOf(v));
    exactLower.replaceAll((k, v) -> List.copyOf(v));
    lowerHashes = exactLower.keySet().stream().mapToInt(String::hashCode).sorted().distinct().toArray();
    prefixes.freeze();
    prefixesLower.freeze();
  }

  /** The best rule matching {@code name}, or null. */
  Hit<T> find(String name) {
    List<T> e = exact.get(name);
    if (e != null) {
      return new Hit<>(e, CookieMatch.EXACT, true);
    }
    List<T> p = prefixes.longestPrefixOf(name, false);
    if (p != null) {
      return new Hit<>(p, CookieMatch.PREFIX, true);
    }
    if (lowerHashes.length > 0 && Arrays.binarySearch(lowerHashes, lowerHash(name)) >= 0) {
      e = exactLower.get(name.toLowerCase(Locale.ROOT));
      if (e != null) {
        return new Hit<>(e, CookieMatch.EXACT, false);
      }
    }
    p = prefixesLower.longestPrefixOf(name, true);
    if (p != null) {
      return new Hit<>(p, CookieMatch.PREFIX, false);
    }
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(name).matches()) {
        return new Hit<>(patternEntries.get(i), CookieMatch.PATTERN, true);
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

    void freeze() {
      if (values != null) {
        values = List.copyOf(values);
      }
      for (Trie<T> k : kids) {
        k.freeze();
      }
    }

    /** The values of the longest key that is a proper prefix of, or equal to, {@code s}. */
    List<T> longestPrefixOf(String s, boolean lowerCase) {
      Trie<T> node = this;
      List<T> best = null;
      for (int i = 0; i < s.length() && node != null; i++) {
        char c = s.charAt(i);
        node = node.child(lowerCase ? Character.toLowerCase(c) : c, false);
        if (node != null && node.values != null) {
          best = node.values;
        }
      }
      return best;
    }
  }
}
