package dev.warden.moderation.semantic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A WordPiece vocabulary as two character tries (word starts, and continuations without their
 * {@code ##} prefix), so that the longest piece at a position is found in one walk without
 * building substrings. Transitions live in one open-addressing table keyed by state and char.
 */
final class WordPieceVocabulary {

  private static final int WORD_ROOT = 0;
  private static final int CONTINUATION_ROOT = 1;

  private final long[] keys;
  private final int[] next;
  private final int mask;
  private final int[] tokenOf;
  private final String[] tokens;
  private final Map<String, Integer> ids;

  private WordPieceVocabulary(long[] keys, int[] next, int[] tokenOf, String[] tokens, Map<String, Integer> ids) {
    this.keys = keys;
    this.next = next;
    this.mask = keys.length - 1;
    this.tokenOf = tokenOf;
    this.tokens = tokens;
    this.ids = ids;
  }

  int size() {
    return ids.size();
  }

  /** The id of a whole token, or -1. */
  int wordId(String token) {
    Integer id = ids.get(token);
    return id == null ? -1 : id;
  }

  String token(int id) {
    return id >= 0 && id < tokens.length && tokens[id] != null ? tokens[id] : "[" + id + "]";
  }

  /**
   * The longest piece of {@code s} starting at {@code pos} and ending by {@code end}: {@code
   * id << 32 | pieceEnd}, or -1 when no piece starts there.
   */
  long longestMatch(String s, int pos, int end, boolean continuation) {
    int state = continuation ? CONTINUATION_ROOT : WORD_ROOT;
    long best = -1;
    for (int i = pos; i < end; i++) {
      state = step(state, s.charAt(i));
      if (state < 0) {
        break;
      }
      int id = tokenOf[state];
      if (id >= 0) {
        best = (long) id << 32 | (i + 1);
      }
    }
    return best;
  }

  private int step(int state, char c) {
    long key = (long) state << 16 | c;
    int h = hash(key) & mask;
    while (true) {
      long k = keys[h];
      if (k == key) {
        return next[h];
      }
      if (k == -1) {
        return -1;
      }
      h = (h + 1) & mask;
    }
  }

  private static int hash(long key) {
    long x = key * 0x9E3779B97F4A7C15L;
    return (int) (x ^ x >>> 29);
  }

  /** Collects tokens, then builds the tries. */
  static final class Builder {
    private final String prefix;
    private final Map<String, Integer> ids = new HashMap<>();

    Builder(String prefix) {
      this.prefix = prefix;
    }

    void add(String token, int id) {
      ids.put(token, id);
    }

    WordPieceVocabulary build() {
      int maxId = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
      String[] tokens = new String[maxId + 1];
      Map<Long, Integer> trans = new HashMap<>();
      int[] tokenOf = new int[16];
      Arrays.fill(tokenOf, -1);
      int states = 2;
      for (Map.Entry<String, Integer> e : ids.entrySet()) {
        String t = e.getKey();
        int id = e.getValue();
        tokens[id] = t;
        int[] starts = t.startsWith(prefix) && t.length() > prefix.length()
            ? new int[] {WORD_ROOT, CONTINUATION_ROOT} : new int[] {WORD_ROOT};
        for (int root : starts) {
          String body = root == CONTINUATION_ROOT ? t.substring(prefix.length()) : t;
          int state = root;
          for (int i = 0; i < body.length(); i++) {
            long key = (long) state << 16 | body.charAt(i);
            Integer nx = trans.get(key);
            if (nx == null) {
              nx = states++;
              trans.put(key, nx);
              if (states > tokenOf.length) {
                int old = tokenOf.length;
                tokenOf = Arrays.copyOf(tokenOf, old * 2);
                Arrays.fill(tokenOf, old, tokenOf.length, -1);
              }
            }
            state = nx;
          }
          tokenOf[state] = id;
        }
      }
      int cap = Integer.highestOneBit(Math.max(16, trans.size() * 2)) << 1;
      long[] keys = new long[cap];
      int[] next = new int[cap];
      Arrays.fill(keys, -1);
      for (Map.Entry<Long, Integer> e : trans.entrySet()) {
        long key = e.getKey();
        int h = hash(key) & (cap - 1);
        while (keys[h] != -1) {
          h = (h + 1) & (cap - 1);
        }
        keys[h] = key;
        next[h] = e.getValue();
      }
      return new WordPieceVocabulary(keys, next, Arrays.copyOf(tokenOf, states), tokens, Map.copyOf(ids));
    }
  }
}
