package dev.warden.moderation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.warden.moderation.internal.NormalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a term found by chance inside a spaced-out sentence from one written there. Spacing every
 * letter ("a g r a p e h a r v e s t") also spaces the gaps between words, so a term can be found
 * across or inside the words ("rape" in "grape"). The sentence is cut into English words twice, at
 * least cost: freely, and with the term as one of the pieces (as its match mode requires). When
 * the free cut is clearly cheaper the term is chance ("a grape harvest"); when the term fits the
 * best cut it is kept ("a rape scene"). A word's cost falls with its frequency; a piece no word
 * list knows costs more the longer it is, so a sentence with unknown words is still cut.
 *
 * <p>The word list is the whole-word part of the WordPiece vocabulary that ships with the
 * semantic model jar (ordered by frequency); without it nothing is suppressed. Loaded once, on
 * the first spaced-out sentence with a match.
 */
final class SpacedWords {

  private static final Logger LOG = LoggerFactory.getLogger(SpacedWords.class);
  private static final String VOCABULARY = "all-minilm-l6-v2-q-tokenizer.json";
  /** The first whole word of the vocabulary ("the"); its rank is 1. */
  private static final int FIRST_WORD_ID = 1996;
  private static final int MAX_WORD = 24;
  /** Letters of context each side of the term. */
  private static final int WINDOW = 40;
  /** Longer contexts (many ignored characters) are not checked: the term is kept. */
  private static final int MAX_RUN = 4 * WINDOW;
  /** Terms judged per prompt; past it, terms in spaced-out runs are kept (bounded work). */
  static final int PER_PROMPT = 32;
  /** Spacing marks a run: at least this many soft boundaries in it. */
  private static final int MIN_SOFT = 3;
  /** How much cheaper the free cut must be before the term is called chance. */
  private static final double MARGIN = 2.0;
  /**
   * What each piece costs on top of its word's rank: about ln of the harmonic number of the list,
   * so that costs behave like -log probabilities and many short pieces do not come cheap.
   */
  private static final double SEGMENT = 2.4;
  /**
   * The cost of the term as a piece when the list does not know it (slang, names): a rare word's.
   * A term is a word its writer meant, not an unknown string of letters.
   */
  private static final double TERM = Math.log(30_000) + SEGMENT;
  /**
   * A prefix or stem term may end a piece this many letters early: an inflection ("nudes"), not a
   * longer word that happens to start with it ("transylvania").
   */
  private static final int MAX_ENDING = 4;
  private static final double UNKNOWN_BASE = 8.0;
  private static final double UNKNOWN_PER_LETTER = 3.25;
  private static final double INF = Double.POSITIVE_INFINITY;

  private SpacedWords() {}

  private static final class Holder {
    static final Map<String, Double> COSTS = load();
  }

  /** Whether the vocabulary is there (without it {@link #byChance} is always false). */
  static boolean available() {
    return !Holder.COSTS.isEmpty();
  }

  /**
   * Whether the match {@code [s, e)} of an entry with {@code mode} lies in a spaced-out run of
   * letters where cutting the run into words explains it better without the term.
   */
  static boolean byChance(NormalizedText t, CharSequence input, int s, int e, MatchMode mode) {
    if (mode == MatchMode.INFIX) {
      return false;
    }
    int length = t.length();
    for (int i = s + 1; i < e; i++) {
      if ((t.flags(i) & NormalizedText.HARD) != 0) {
        return false;
      }
    }
    // The words around the term, up to WINDOW letters each side: the cut near the term does not
    // depend on words far away, and a long run costs no more than a short one.
    int rs = s;
    while (rs > 0 && (t.flags(rs) & NormalizedText.HARD) == 0 && s - rs < WINDOW) {
      rs--;
    }
    int re = e;
    while (re < length && (t.flags(re) & NormalizedText.HARD) == 0 && re - e < WINDOW) {
      re++;
    }
    if (rs == s && re == e) {
      return false;
    }
    int soft = 0;
    for (int i = rs + 1; i < re; i++) {
      if (t.flags(i) == NormalizedText.SOFT) {
        soft++;
      }
    }
    if (soft < MIN_SOFT) {
      return false;
    }
    // The words are cut from the letters as written: the normalised text folds look-alikes and
    // repeats ("officer" reads "oficer"), which no word list knows.
    int from = t.sourceStart(rs);
    int to = t.sourceEnd(re - 1);
    int termFrom = t.sourceStart(s);
    int termTo = t.sourceEnd(e - 1);
    if (to - from > MAX_RUN * 2 || to > input.length()) {
      return false;
    }
    StringBuilder run = new StringBuilder(to - from);
    int ts = -1;
    int te = -1;
    for (int i = from; i < to; i++) {
      if (i == termFrom) {
        ts = run.length();
      }
      if (i == termTo) {
        te = run.length();
      }
      char ch = input.charAt(i);
      if (ch == ' ') {
        continue;
      }
      char lower = Character.toLowerCase(ch);
      if (lower < 'a' || lower > 'z') {
        // Digits, punctuation, marks, other scripts: a cut the words cannot cross. Before the
        // term the sentence starts again; after it, it ends; inside it the list cannot judge.
        if (ts < 0) {
          run.setLength(0);
          continue;
        }
        if (te < 0) {
          return false;
        }
        break;
      }
      run.append(lower);
    }
    if (te < 0 && termTo >= to) {
      te = run.length();
    }
    if (ts < 0 || te <= ts || run.length() > MAX_RUN) {
      return false;
    }
    Map<String, Double> costs = Holder.COSTS;
    if (costs.isEmpty()) {
      return false;
    }
    String r = run.toString();
    double free = cheapest(r, costs, ts, te, MatchMode.INFIX);
    double withTerm = cheapest(r, costs, ts, te, mode);
    return free < INF && withTerm > free + MARGIN;
  }

  /**
   * The cheapest cut of {@code run} into pieces; with a mode other than INFIX, one piece must
   * hold the term {@code [ts, te)} as the mode says (WORD: exactly; PREFIX and STEM: starting
   * there, at most {@link #MAX_ENDING} letters longer; SUFFIX: ending there).
   */
  static double cheapest(String run, Map<String, Double> costs, int ts, int te, MatchMode mode) {
    double term = mode == MatchMode.INFIX ? 0
        : Math.min(TERM, cheapest(run.substring(ts, te), costs, 0, 0, MatchMode.INFIX));
    int n = run.length();
    double[] best = new double[n + 1];
    Arrays.fill(best, INF);
    best[0] = 0;
    for (int i = 1; i <= n; i++) {
      for (int j = Math.max(0, i - MAX_WORD); j < i; j++) {
        if (best[j] == INF || !allowed(j, i, ts, te, mode)) {
          continue;
        }
        double piece = piece(run, j, i, costs);
        if (mode != MatchMode.INFIX && j < te && i > ts) {
          // The piece that holds the term: the term as a word, with any ending or beginning.
          piece = Math.min(piece, term + (i - te) + (ts - j));
        }
        if (best[j] + piece < best[i]) {
          best[i] = best[j] + piece;
        }
      }
    }
    return best[n];
  }

  /** Whether a piece {@code [j, i)} may be cut where the term must be one piece. */
  private static boolean allowed(int j, int i, int ts, int te, MatchMode mode) {
    boolean overlaps = j < te && i > ts;
    if (!overlaps) {
      return true;
    }
    return switch (mode) {
      case WORD -> j == ts && i == te;
      case PREFIX, STEM -> j == ts && i >= te && i - te <= MAX_ENDING;
      case SUFFIX -> i == te && j <= ts;
      case INFIX -> true;
    };
  }

  /** A known word's cost, or an unknown piece's, whichever is lower. */
  private static double piece(String run, int j, int i, Map<String, Double> costs) {
    Double known = costs.get(run.substring(j, i));
    double unknown = UNKNOWN_BASE + UNKNOWN_PER_LETTER * (i - j);
    return known != null ? Math.min(known, unknown) : unknown;
  }

  /** Word costs from the vocabulary resource, or an empty map when it is not on the class path. */
  private static Map<String, Double> load() {
    Map<String, Double> costs = new HashMap<>(40_000);
    try (InputStream in = SpacedWords.class.getClassLoader().getResourceAsStream(VOCABULARY)) {
      if (in == null) {
        LOG.debug("no {} on the class path: spaced-out sentences are not cut into words", VOCABULARY);
        return Map.of();
      }
      try (JsonParser p = new JsonFactory().createParser(in)) {
        // { ..., "model": { ..., "vocab": { "token": id, ... } } }
        int depth = 0;
        boolean inModel = false;
        while (p.nextToken() != null) {
          JsonToken tok = p.currentToken();
          if (tok == JsonToken.START_OBJECT || tok == JsonToken.START_ARRAY) {
            depth++;
          } else if (tok == JsonToken.END_OBJECT || tok == JsonToken.END_ARRAY) {
            depth--;
          } else if (tok == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (depth == 1 && name.equals("model")) {
              inModel = true;
            } else if (inModel && depth == 2 && name.equals("vocab")) {
              p.nextToken();
              readVocabulary(p, costs);
              break;
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read {}: spaced-out sentences are not cut into words ({})", VOCABULARY, e.toString());
      return Map.of();
    }
    return Map.copyOf(costs);
  }

  private static void readVocabulary(JsonParser p, Map<String, Double> costs) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String token = p.currentName();
      p.nextToken();
      int id = p.getIntValue();
      if (token.equals("a")) {
        costs.put(token, Math.log(5) + SEGMENT);
      } else if (token.equals("i")) {
        costs.put(token, Math.log(10) + SEGMENT);
      } else if (id >= FIRST_WORD_ID && token.length() >= 2 && token.length() <= MAX_WORD && plain(token)) {
        costs.put(token, Math.log(id - FIRST_WORD_ID + 1) + SEGMENT);
      }
    }
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 'a' || ch > 'z') {
        return false;
      }
    }
    return true;
  }
}
