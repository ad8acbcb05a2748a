package dev.warden.moderation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An Aho-Corasick automaton over all patterns of all languages, scanned once per input.
 *
 * <p>Characters are mapped to classes through one table; a character that occurs in no pattern
 * sends the automaton to its root without a lookup. Classes of the Latin and Cyrillic ranges (the
 * bulk of the text) have a full transition table, so each such character costs one array read;
 * the rarer classes (kana, ideographs) follow goto and failure links. A scan allocates nothing: it
 * reports matches to a {@link MatchSink}.
 *
 * <p>Immutable and thread-safe once compiled.
 */
public final class TermAutomaton {

  /** Classes at or above this limit use goto/failure links instead of the dense table. */
  private static final int MAX_DENSE_CLASSES = 128;

  private final char[] classOf;
  private final int denseClasses;
  /** The dense transitions as 16-bit state numbers when there are fewer than 65536 states (half
   * the memory, so more of it stays in cache); else {@link #dense}. */
  private final char[] dense16;
  private final int[] dense;
  private final int[] fail;
  private final int[] sparseIndex;
  private final char[] sparseKeys;
  private final int[] sparseTargets;
  private final int[] outIndex;
  private final int[] outputs;
  private final int[] patternLength;

  private TermAutomaton(char[] classOf, int denseClasses, int[] dense, int[] fail,
      int[] sparseIndex, char[] sparseKeys, int[] sparseTargets, int[] outIndex, int[] outputs,
      int[] patternLength) {
    this.classOf = classOf;
    this.denseClasses = denseClasses;
    if (fail.length < 65536) {
      this.dense16 = new char[dense.length];
      for (int i = 0; i < dense.length; i++) {
        this.dense16[i] = (char) dense[i];
      }
      this.dense = null;
    } else {
      this.dense16 = null;
      this.dense = dense;
    }
    this.fail = fail;
    this.sparseIndex = sparseIndex;
    this.sparseKeys = sparseKeys;
    this.sparseTargets = sparseTargets;
    this.outIndex = outIndex;
    this.outputs = outputs;
    this.patternLength = patternLength;
  }

  /**
   * Compiles the patterns; pattern {@code i} is reported as {@code i}. Duplicates are allowed and
   * reported once each.
   *
   * @throws IllegalArgumentException if a pattern is empty
   */
  public static TermAutomaton compile(List<char[]> patterns) {
    // Character classes: dense ones first (Latin, digits, Cyrillic), then the rest.
    TreeSet<Character> alphabet = new TreeSet<>();
    for (int p = 0; p < patterns.size(); p++) {
      char[] pat = patterns.get(p);
      if (pat.length == 0) {
        throw new IllegalArgumentException("pattern " + p + " is empty");
      }
      for (char c : pat) {
        alphabet.add(c);
      }
    }
    char[] classOf = new char[65536];
    List<Character> denseChars = new ArrayList<>();
    List<Character> sparseChars = new ArrayList<>();
    for (char c : alphabet) {
      boolean dense = c < 0x0500;
      (dense && denseChars.size() < MAX_DENSE_CLASSES - 1 ? denseChars : sparseChars).add(c);
    }
    int cls = 1;
    for (char c : denseChars) {
      classOf[c] = (char) cls++;
    }
    int denseClasses = cls;
    for (char c : sparseChars) {
      classOf[c] = (char) cls++;
    }

    // The trie.
    List<Map<Integer, Integer>> children = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    children.add(new HashMap<>());
    own.add(new ArrayList<>());
    int[] patternLength = new int[patterns.size()];
    for (int p = 0; p < patterns.size(); p++) {
      char[] pat = patterns.get(p);
      patternLength[p] = pat.length;
      int s = 0;
      for (char c : pat) {
        int k = classOf[c];
        Integer next = children.get(s).get(k);
        if (next == null) {
          next = children.size();
          children.get(s).put(k, next);
          children.add(new HashMap<>());
          own.add(new ArrayList<>());
        }
        s = next;
      }
      own.get(s).add(p);
    }
    int states = children.size();

    // Breadth-first: failure links, dense transitions, outputs.
    int[] fail = new int[states];
    int[] dense = new int[states * denseClasses];
    int[] order = new int[states];
    int head = 0;
    int tail = 0;
    order[tail++] = 0;
    while (head < tail) {
      int s = order[head++];
      for (Map.Entry<Integer, Integer> e : children.get(s).entrySet()) {
        int k = e.getKey();
        int child = e.getValue();
        if (s == 0) {
          fail[child] = 0;
        } else {
          int f = fail[s];
          while (true) {
            Integer t = children.get(f).get(k);
            if (t != null) {
              fail[child] = t;
              break;
            }
            if (f == 0) {
              fail[child] = 0;
              break;
            }
            f = fail[f];
          }
        }
        order[tail++] = child;
      }
      for (int k = 1; k < denseClasses; k++) {
        Integer t = children.get(s).get(k);
        dense[s * denseClasses + k] = t != null ? t : s == 0 ? 0 : dense[fail[s] * denseClasses + k];
      }
    }

    int[] sparseIndex = new int[states + 1];
    List<Character> keys = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    int[] outIndex = new int[states + 1];
    List<int[]> outs = new ArrayList<>(states);
    for (int i = 0; i < states; i++) {
      outs.add(null);
    }
    int outTotal = 0;
    for (int i = 0; i < states; i++) {
      int s = order[i];
      List<Integer> mine = own.get(s);
      int[] inherited = s == 0 ? new int[0] : outs.get(fail[s]);
      int[] all = new int[mine.size() + inherited.length];
      for (int j = 0; j < mine.size(); j++) {
        all[j] = mine.get(j);
      }
      System.arraycopy(inherited, 0, all, mine.size(), inherited.length);
      outs.set(s, all);
      outTotal += all.length;
    }
    int[] outputs = new int[outTotal];
    int o = 0;
    for (int s = 0; s < states; s++) {
      outIndex[s] = o;
      int[] all = outs.get(s);
      System.arraycopy(all, 0, outputs, o, all.length);
      o += all.length;
      sparseIndex[s] = keys.size();
      children.get(s).entrySet().stream()
          .filter(e -> e.getKey() >= denseClasses)
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> {
            keys.add((char) (int) e.getKey());
            targets.add(e.getValue());
          });
    }
    outIndex[states] = o;
    sparseIndex[states] = keys.size();
    char[] sparseKeys = new char[keys.size()];
    int[] sparseTargets = new int[keys.size()];
    for (int i = 0; i < sparseKeys.length; i++) {
      sparseKeys[i] = keys.get(i);
      sparseTargets[i] = targets.get(i);
    }
    return new TermAutomaton(classOf, denseClasses, dense, fail, sparseIndex, sparseKeys,
        sparseTargets, outIndex, outputs, patternLength);
  }

  /** Reports every occurrence of every pattern in {@code text[from, to)}. Allocates nothing. */
  public void scan(char[] text, int from, int to, MatchSink sink) {
    if (dense16 != null) {
      scan16(text, from, to, sink);
      return;
    }
    final char[] cls = classOf;
    final int d = denseClasses;
    final int[] table = dense;
    final int[] oi = outIndex;
    int s = 0;
    for (int i = from; i < to; i++) {
      int c = cls[text[i]];
      if (c == 0) {
        s = 0;
        continue;
      }
      s = c < d ? table[s * d + c] : sparseStep(s, c);
      int o = oi[s];
      int oe = oi[s + 1];
      while (o < oe) {
        sink.match(outputs[o++], i + 1);
      }
    }
  }

  // The loop of scan() again over a char[] table: automatons of fewer than 65,536 states (the built-in
  // lexicons) take half the cache lines, and a shared generic loop would read through an interface
  // or a branch per character on the hottest path of the engine.
  private void scan16(char[] text, int from, int to, MatchSink sink) {
    final char[] cls = classOf;
    final int d = denseClasses;
    final char[] table = dense16;
    final int[] oi = outIndex;
    int s = 0;
    for (int i = from; i < to; i++) {
      int c = cls[text[i]];
      if (c == 0) {
        s = 0;
        continue;
      }
      s = c < d ? table[s * d + c] : sparseStep(s, c);
      int o = oi[s];
      int oe = oi[s + 1];
      while (o < oe) {
        sink.match(outputs[o++], i + 1);
      }
    }
  }

  private int sparseStep(int s, int c) {
    while (true) {
      int lo = sparseIndex[s];
      int hi = sparseIndex[s + 1] - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int k = sparseKeys[mid];
        if (k < c) {
          lo = mid + 1;
        } else if (k > c) {
          hi = mid - 1;
        } else {
          return sparseTargets[mid];
        }
      }
      if (s == 0) {
        return 0;
      }
      s = fail[s];
    }
  }

  /** The number of compiled patterns. */
  public int patternCount() {
    return patternLength.length;
  }

  /** The length of pattern {@code p}. */
  public int patternLength(int p) {
    return patternLength[p];
  }

  /** The number of automaton states. */
  public int stateCount() {
    return fail.length;
  }

  /** The heap taken by the automaton's arrays, in bytes (headers ignored). */
  public long ramBytesUsed() {
    return 2L * classOf.length + (dense16 != null ? 2L * dense16.length : 4L * dense.length) + 4L * fail.length + 4L * sparseIndex.length
        + 2L * sparseKeys.length + 4L * sparseTargets.length + 4L * outIndex.length
        + 4L * outputs.length + 4L * patternLength.length;
  }

  @Override
  public String toString() {
    return "TermAutomaton[" + patternLength.length + " patterns, " + fail.length + " states, "
        + denseClasses + " dense classes, " + ramBytesUsed() + " bytes]";
  }
}
