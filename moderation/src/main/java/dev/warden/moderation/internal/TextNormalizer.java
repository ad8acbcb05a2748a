package dev.warden.moderation.internal;

import static dev.warden.moderation.internal.CharRoles.CLASS;
import static dev.warden.moderation.internal.CharRoles.CYRILLIC_STRONG;
import static dev.warden.moderation.internal.CharRoles.LATIN_LEET;
import static dev.warden.moderation.internal.CharRoles.SCRIPT;
import static dev.warden.moderation.internal.CharRoles.WORD;

/**
 * Offset-preserving normalisation of prompt text, in linear time, into a {@link NormalizedText}.
 *
 * <p>In order: NFKC-style folding with locale-free lower case, invisible characters and combining
 * marks dropped, look-alikes mapped ({@link FoldTable}); tokens split on spaces and separators;
 * within a token, Russian and Latin look-alikes resolved by the token's script, leetspeak read as
 * letters where digits and symbols sit among letters, and joining punctuation ("p.orn", "f*ck")
 * dropped with a soft boundary; i and l read as one letter, since leet 1, ! and | stand for
 * either; runs of single letters separated the same way ("s e x", "s-e-x")
 * joined; repeated letters collapsed into one character with a run length, so that "sexxxy" reads
 * "sexy" while "ass" keeps its double s as a run of 2.
 *
 * <p>Stateless and thread-safe; all per-call state lives in the {@link NormalizedText} passed in.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  /** Normalises the whole of {@code text}. */
  public static void normalize(CharSequence text, NormalizedText out) {
    normalize(text, Integer.MAX_VALUE, out);
  }

  /**
   * Normalises the first {@code limit} characters of {@code text} (never splitting a surrogate
   * pair) into {@code out}, replacing what it held.
   */
  public static void normalize(CharSequence text, int limit, NormalizedText out) {
    int lim = Math.min(text.length(), limit);
    if (lim > 0 && lim < text.length() && Character.isHighSurrogate(text.charAt(lim - 1))
        && Character.isLowSurrogate(text.charAt(lim))) {
      lim--;
    }
    out.inputLength = text.length();
    out.scannedLength = lim;
    UnitFolder.units(text, lim, out);
    tokens(out);
  }

  /** Whether {@code c} counts as a letter of a word once normalised. */
  public static boolean isWordChar(char c) {
    return WORD[c] != 0;
  }

  /** Whether unit {@code u} belongs inside a token (letters, digits, leet symbols, joiners). */
  private static boolean inToken(NormalizedText o, int u) {
    byte k = o.uKind[u];
    return k >= FoldTable.LETTER && k <= FoldTable.PUNCT;
  }

  /**
   * Splits the units into tokens and emits them. Runs of one-character tokens wait in the word
   * buffer until the run ends, since they may spell a word out ("s e x"); other tokens are emitted
   * at once, plain words of letters straight from the units.
   */
  private static void tokens(NormalizedText o) {
    o.wLength = 0;
    o.tokens = 0;
    o.length = 0;
    o.altCount = 0;
    o.wordsValid = false;
    o.ensureWords(o.units + 1);
    o.ensureOutput(o.units + 1);
    char sep = 0;
    int u = 0;
    int units = o.units;
    final byte[] kind = o.uKind;
    final char[] ch = o.uChar;
    while (u < units) {
      if (!inToken(o, u)) {
        char c = ch[u];
        if (kind[u] == FoldTable.SEPARATOR && (sep == 0 || sep == ' ')) {
          sep = c;
        } else if (sep == 0) {
          sep = ' ';
        }
        u++;
        continue;
      }
      int a = u;
      u++;
      boolean plain = kind[a] == FoldTable.LETTER && SCRIPT[ch[a]] < CYRILLIC_STRONG;
      while (u < units && inToken(o, u)) {
        plain &= kind[u] == FoldTable.LETTER && SCRIPT[ch[u]] < CYRILLIC_STRONG;
        u++;
      }
      if (plain && u - a > 1) {
        // A word of two or more letters, none Russian: nothing to resolve, emitted as it is.
        flushSingles(o);
        final int[] us = o.uStart;
        final int[] ue = o.uEnd;
        out(o, ch[a], us[a], ue[a], NormalizedText.HARD);
        for (int x = a + 1; x < u; x++) {
          out(o, ch[x], us[x], ue[x], (byte) 0);
        }
        sep = 0;
        continue;
      }
      int before = o.wLength;
      TokenReader.token(o, a, u);
      if (o.wLength > before) {
        o.ensureTokens(o.tokens + 1);
        o.tokStart[o.tokens] = before;
        o.tokEnd[o.tokens] = o.wLength;
        o.tokSep[o.tokens] = sep;
        o.tokens++;
        sep = 0;
        if (o.wLength - before > 1) {
          flushSingles(o); // emits the waiting run and this token
        }
      }
    }
    flushSingles(o);
    finish(o);
  }

  // ---- pass 3: spaced-out letters joined, runs collapsed, boundaries and words ----

  private static boolean single(NormalizedText o, int t) {
    if (o.tokEnd[t] - o.tokStart[t] != 1) {
      return false;
    }
    char c = o.wChar[o.tokStart[t]];
    return isWordChar(c) || (c < 128 && LATIN_LEET[c] != 0 && Character.isDigit(c));
  }

  private static boolean ideographic(char c) {
    return WORD[c] == 2;
  }

  /** Emits the buffered tokens: runs of single characters joined when they spell a word. */
  private static void flushSingles(NormalizedText o) {
    int t = 0;
    while (t < o.tokens) {
      int g = t;
      if (single(o, t)) {
        char sig = t + 1 < o.tokens ? o.tokSep[t + 1] : 0;
        int realLetters = isWordChar(o.wChar[o.tokStart[t]]) ? 1 : 0;
        boolean cjk = ideographic(o.wChar[o.tokStart[t]]);
        g = t + 1;
        while (g < o.tokens && single(o, g) && o.tokSep[g] == sig) {
          char c = o.wChar[o.tokStart[g]];
          realLetters += isWordChar(c) ? 1 : 0;
          cjk &= ideographic(c);
          g++;
        }
        int size = g - t;
        boolean joined = cjk ? size >= 2
            : realLetters >= 2 && (sig == ' ' ? size >= 3 : size >= 2);
        if (!joined) {
          // Not a spelled-out word. Every later start inside the run has the same separator and
          // fewer letters, so it fails too, except the last, which may begin a run with another
          // separator: stand the others alone and go on from there (this keeps the pass linear).
          int last = Math.max(t + 1, g - 1);
          for (int x = t; x < last; x++) {
            int w = o.tokStart[x];
            out(o, o.wChar[w], o.wStart[w], o.wEnd[w], NormalizedText.HARD);
          }
          t = last;
          continue;
        }
        for (int x = t; x < g; x++) {
          int w = o.tokStart[x];
          char c = o.wChar[w];
          if (!isWordChar(c)) {
            c = LATIN_LEET[c];
          }
          byte flag = x == t ? NormalizedText.HARD
              : sig == ' ' && !cjk ? NormalizedText.SOFT : 0;
          out(o, c, o.wStart[w], o.wEnd[w], flag);
        }
        t = g;
        continue;
      }
      int before = o.length;
      boolean ambiguous = false;
      final char[] wc = o.wChar;
      final int[] ws = o.wStart;
      final int[] we = o.wEnd;
      final byte[] wf = o.wFlags;
      int w = o.tokStart[t];
      int end = o.tokEnd[t];
      ambiguous |= (wf[w] & TokenReader.AMBIGUOUS) != 0;
      out(o, wc[w], ws[w], we[w], NormalizedText.HARD);
      for (w++; w < end; w++) {
        ambiguous |= (wf[w] & TokenReader.AMBIGUOUS) != 0;
        out(o, wc[w], ws[w], we[w], (byte) (wf[w] & 3));
      }
      if (ambiguous && o.length > before) {
        o.addAlternate(before, o.length);
      }
      t++;
    }
    o.tokens = 0;
    o.wLength = 0;
  }

  /** The first character starts the text, not a word; alternate readings are written out. */
  private static void finish(NormalizedText o) {
    if (o.length > 0) {
      o.flags[0] = 0;
    }
    if (o.altCount > 0) {
      if (o.altChars.length < o.length) {
        o.altChars = new char[Math.max(o.length, 16)];
      }
      System.arraycopy(o.chars, 0, o.altChars, 0, o.length);
      for (int k = 0; k < o.altCount; k++) {
        for (int i = o.altStart[k]; i < o.altEnd[k]; i++) {
          char l = Confusables.cyrillicToLatin(o.altChars[i]);
          if (l != 0) {
            o.altChars[i] = l;
          }
        }
      }
    }
  }

  private static void out(NormalizedText o, char c, int from, int to, byte flag) {
    if (c == 'l') {
      c = 'i'; // leet 1, ! and | stand for both i and l: the two letters read as one
    }
    int n = o.length;
    if (n > 0 && flag != NormalizedText.HARD) {
      char prev = o.chars[n - 1];
      if (c == prev && WORD[c] != 0) {
        if (o.run[n - 1] < 127) {
          o.run[n - 1]++;
        }
        o.end[n - 1] = to;
        return;
      }
      if (flag == 0 && CLASS[c] != CLASS[prev]) {
        flag = NormalizedText.SOFT; // a script or letter/digit change inside a word
      }
    }
    o.chars[n] = c;
    o.start[n] = from;
    o.end[n] = to;
    o.run[n] = 1;
    o.flags[n] = flag;
    o.length = n + 1;
  }
}
