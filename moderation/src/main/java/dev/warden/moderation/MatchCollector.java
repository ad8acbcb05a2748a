package dev.warden.moderation;

import dev.warden.moderation.internal.MatchSink;
import dev.warden.moderation.internal.NormalizedText;
import dev.warden.moderation.internal.TextNormalizer;
import java.util.Arrays;

/**
 * Per-thread scratch of the lexicon stage: the normalised text and the matches that survive the
 * checks the automaton cannot make (word boundaries, repeated letters, stems), verified as the
 * automaton reports them. Bounded: past {@link #MAX_MATCHES} matches the rest are dropped.
 */
final class MatchCollector implements MatchSink, AgeRecognizer.Sink {

  static final int MAX_MATCHES = 16_384;
  /** The entry index of a stated age under 18 (the {@code minor} marker). */
  static final int AGE = -2;
  /** The entry index of a match that was suppressed after the scan. */
  static final int SUPPRESSED = -1;
  private static final int MAX_STEM_WORD = 48;

  final NormalizedText text = new NormalizedText();
  int[] entry = new int[32];
  int[] start = new int[32];
  int[] end = new int[32];
  int count;
  /**
   * Without the word list ({@link SpacedWords}), terms this short count inside a run of spaced-out
   * letters only at one of its ends.
   */
  static final int SHORT_TERM = 3;

  int[] allowStart = new int[8];
  int[] allowEnd = new int[8];
  int allowCount;
  boolean overflow;
  private CompiledLexicons lex;
  private char[] current;
  private CharSequence input;
  /** How many more terms {@link SpacedWords} may judge in this prompt. */
  private int spacedChecks;
  private boolean alternate;
  private final StringBuilder word = new StringBuilder(MAX_STEM_WORD);

  /** Normalises {@code input} and collects the matches of {@code lexicons} in it. */
  void collect(CharSequence input, int limit, CompiledLexicons lexicons) {
    lex = lexicons;
    this.input = input;
    spacedChecks = SpacedWords.PER_PROMPT;
    count = 0;
    allowCount = 0;
    overflow = false;
    TextNormalizer.normalize(input, limit, text);
    current = text.chars();
    lex.automaton.scan(current, 0, text.length(), this);
    if (text.alternateCount() > 0) {
      // The Latin reading of all-look-alike tokens, scanned whole so that a term may span them
      // and ordinary words; only matches that touch such a token are new.
      current = text.alternateChars();
      alternate = true;
      lex.automaton.scan(current, 0, text.length(), this);
      alternate = false;
      current = text.chars();
    }
    if (lex.markers.contains(CompiledLexicons.MINOR_MARKER)) {
      AgeRecognizer.find(text, this);
    }
  }

  @Override
  public void match(int pattern, int e) {
    int len = lex.automaton.patternLength(pattern);
    int s = e - len;
    NormalizedText t = text;
    if (alternate && !touchesAlternate(s, e)) {
      return;
    }
    long spaces = lex.patternSpaces[pattern];
    for (int k = 1; k < len; k++) {
      if ((t.flags(s + k) & NormalizedText.HARD) != 0 && (k >= 64 || (spaces & (1L << k)) == 0)) {
        return; // the match runs across words where the term has none
      }
    }
    if (len <= SHORT_TERM && insideSpacedRun(t, s, e) && !SpacedWords.available()) {
      return;
    }
    byte[] runs = lex.patternRuns[pattern];
    if (runs != null) {
      for (int k = 0; k < len; k++) {
        if (t.run(s + k) < runs[k]) {
          return; // "as" is not "ass"
        }
      }
    }
    int ent = lex.patternEntry[pattern];
    boolean ok = switch (lex.mode[ent]) {
      case WORD -> t.boundaryAt(s) && t.boundaryAt(e);
      case PREFIX -> t.boundaryAt(s);
      case SUFFIX -> t.boundaryAt(e);
      case INFIX -> true;
      case STEM -> t.boundaryAt(s) && (e = sameStem(ent, pattern, s, e)) > 0;
    };
    if (!ok) {
      return;
    }
    if (lex.entries[ent].kind() != EntryKind.ALLOW
        && (t.flags(s) == NormalizedText.SOFT || e < t.length() && t.flags(e) == NormalizedText.SOFT)
        && spacedChecks-- > 0 && SpacedWords.byChance(t, input, s, e, lex.mode[ent])) {
      return; // "rape" in "a g r a p e h a r v e s t": the words explain the letters better
    }
    if (lex.mode[ent] == MatchMode.PREFIX) {
      while (e < t.length() && !t.boundaryAt(e)) {
        e++; // the evidence is the whole word the prefix starts
      }
    }
    if (lex.entries[ent].kind() == EntryKind.ALLOW) {
      // An allow entry that need not end (or start) a word covers the whole word it is part of.
      MatchMode m = lex.mode[ent];
      int from = s;
      int to = e;
      if (m == MatchMode.PREFIX || m == MatchMode.STEM || m == MatchMode.INFIX) {
        while (to < t.length() && !t.boundaryAt(to)) {
          to++;
        }
      }
      if (m == MatchMode.SUFFIX || m == MatchMode.INFIX) {
        while (from > 0 && !t.boundaryAt(from)) {
          from--;
        }
      }
      addAllow(from, to);
    } else {
      add(ent, s, e);
    }
  }

  /**
   * Whether [s, e) lies strictly inside a run of spaced-out letters, touching neither of its ends.
   * Spacing every letter ("a l i b r a r y") also spaces the gaps between words, so inside a long
   * run every position looks like a word boundary; a term of two or three letters found there ("bra"
   * in "library", "tit" in "titmouse") is as likely chance as intent. One that starts or ends the
   * run ("s e x", "a b r a") still counts, and longer terms count anywhere in it.
   */
  private static boolean insideSpacedRun(NormalizedText t, int s, int e) {
    if (s == 0 || e >= t.length() || t.flags(s) != NormalizedText.SOFT || t.flags(e) != NormalizedText.SOFT) {
      return false;
    }
    for (int i = s + 1; i < e; i++) {
      if (t.flags(i) != NormalizedText.SOFT) {
        return false;
      }
    }
    return true;
  }

  /** Whether [s, e) overlaps an alternate token; they are sorted and disjoint, so a binary search. */
  private boolean touchesAlternate(int s, int e) {
    int lo = 0;
    int hi = text.alternateCount() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (text.alternateEnd(mid) <= s) {
        lo = mid + 1;
      } else if (text.alternateStart(mid) >= e) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  @Override
  public void age(int s, int e) {
    add(AGE, s, e);
  }

  private void add(int ent, int s, int e) {
    if (count == MAX_MATCHES) {
      overflow = true;
      return;
    }
    if (count == entry.length) {
      entry = Arrays.copyOf(entry, count * 2);
      start = Arrays.copyOf(start, count * 2);
      end = Arrays.copyOf(end, count * 2);
    }
    entry[count] = ent;
    start[count] = s;
    end[count] = e;
    count++;
  }

  private void addAllow(int s, int e) {
    if (allowCount == MAX_MATCHES) {
      overflow = true;
      return;
    }
    if (allowCount == allowStart.length) {
      allowStart = Arrays.copyOf(allowStart, allowCount * 2);
      allowEnd = Arrays.copyOf(allowEnd, allowCount * 2);
    }
    allowStart[allowCount] = s;
    allowEnd[allowCount] = e;
    allowCount++;
  }

  /**
   * Whether the word that starts with the stem matched at [s, e) has the entry's stem. The word is
   * rebuilt from the text up to the next boundary (or the next hard one): a letter written once or
   * twice is kept as written (a real double letter: "food" is not "fod"), a longer run is read as
   * the stem has it, and after the stem once or twice. Then it is stemmed.
   *
   * @return the end of the word when its stem is the entry's, else -1
   */
  private int sameStem(int ent, int pattern, int s, int e) {
    String stem = lex.stem[ent];
    String language = lex.entries[ent].language();
    byte[] stemRuns = lex.patternRuns[pattern];
    NormalizedText t = text;
    int n = t.length();
    int softEnd = e;
    while (softEnd < n && t.flags(softEnd) == 0 && softEnd - e < MAX_STEM_WORD) {
      softEnd++;
    }
    int hardEnd = softEnd;
    while (hardEnd < n && (t.flags(hardEnd) & NormalizedText.HARD) == 0 && hardEnd - e < MAX_STEM_WORD) {
      hardEnd++;
    }
    for (int to : hardEnd == softEnd ? new int[] {softEnd} : new int[] {hardEnd, softEnd}) {
      for (int cap = 1; cap <= 2; cap++) {
        word.setLength(0);
        for (int i = s; i < to; i++) {
          char c = current[i];
          int r = t.run(i);
          if (r >= 3) {
            r = i < e ? (stemRuns == null ? 1 : stemRuns[i - s]) : cap;
          }
          for (; r > 0; r--) {
            word.append(c);
          }
        }
        if (stem.equals(Stemmers.stem(language, word.toString()))) {
          return to;
        }
      }
    }
    return -1;
  }

  /** Whether position {@code p} lies strictly inside an allow-list match. */
  private boolean startsInsideAllowed(int p) {
    for (int k = 0; k < allowCount; k++) {
      if (allowStart[k] < p && p < allowEnd[k]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marks every match that lies inside an allow-list match as suppressed, and every match that
   * starts, within a spaced-out run, strictly inside one.
   */
  void suppressAllowed() {
    if (allowCount == 0) {
      return;
    }
    long[] spans = new long[allowCount];
    for (int i = 0; i < allowCount; i++) {
      spans[i] = ((long) allowStart[i] << 32) | allowEnd[i];
    }
    Arrays.sort(spans);
    int[] maxEnd = new int[allowCount];
    int m = -1;
    for (int i = 0; i < allowCount; i++) {
      m = Math.max(m, (int) spans[i]);
      maxEnd[i] = m;
    }
    for (int i = 0; i < count; i++) {
      // The last allow span starting at or before this match.
      int lo = 0;
      int hi = allowCount - 1;
      int found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if ((int) (spans[mid] >>> 32) <= start[i]) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (found >= 0 && maxEnd[found] >= end[i]) {
        entry[i] = SUPPRESSED;
      } else if (entry[i] >= 0 && text.flags(start[i]) == NormalizedText.SOFT && startsInsideAllowed(start[i])) {
        // Spaced out, an allowed word's letters are its own: "c o c k s" does not start inside
        // "h i t c h c o c k s t y l e" by intent.
        entry[i] = SUPPRESSED;
      }
    }
  }
}
