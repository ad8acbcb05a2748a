package dev.warden.moderation.internal;

import static dev.warden.moderation.internal.CharRoles.CYRILLIC_LEET;
import static dev.warden.moderation.internal.CharRoles.CYRILLIC_STRONG;
import static dev.warden.moderation.internal.CharRoles.CYRILLIC_WEAK;
import static dev.warden.moderation.internal.CharRoles.LATIN_LEET;
import static dev.warden.moderation.internal.CharRoles.LATIN_STRONG;
import static dev.warden.moderation.internal.CharRoles.SCRIPT;
import static dev.warden.moderation.internal.CharRoles.UNITS;
import static dev.warden.moderation.internal.CharRoles.isJoiner;
import static dev.warden.moderation.internal.CharRoles.isLeetSymbol;

/**
 * Reads one token of units into the word buffer: look-alikes resolved by the token's script,
 * leetspeak read as letters where it sits among letters, joining punctuation dropped.
 */
final class TokenReader {

  /** A word-buffer flag: the token is all Russian look-alikes of Latin letters. */
  static final byte AMBIGUOUS = 8;

  private TokenReader() {}

  static void token(NormalizedText o, int a, int b) {
    final byte[] kind = o.uKind;
    final char[] ch = o.uChar;
    // Trim punctuation that only decorates the token's edges.
    while (a < b && kind[a] == FoldTable.PUNCT && (isJoiner(ch[a]) || ch[a] == '!'
        || ch[a] == '|' || ch[a] == '€')) {
      a++;
    }
    while (b > a && kind[b - 1] == FoldTable.PUNCT && ch[b - 1] != '$') {
      b--;
    }
    if (a >= b) {
      return;
    }
    int letters = 0;
    int lastLetter = -1;
    int scripts = 0;
    for (int u = a; u < b; u++) {
      if (kind[u] == FoldTable.LETTER) {
        letters++;
        lastLetter = u;
        scripts |= SCRIPT[ch[u]];
      }
    }
    boolean latStrong = (scripts & LATIN_STRONG) != 0;
    boolean cyrStrong = (scripts & CYRILLIC_STRONG) != 0;
    boolean cyrWeak = (scripts & CYRILLIC_WEAK) != 0;
    if (letters == b - a && !cyrStrong && !cyrWeak) {
      // The common case: a word of letters with no Russian letters in it. Copied as it is.
      for (int u = a; u < b; u++) {
        put(o, ch[u], o.uStart[u], o.uEnd[u], (byte) 0);
      }
      return;
    }
    if (letters == 0) {
      for (int u = a; u < b; u++) {
        if (kind[u] == FoldTable.DIGIT) {
          put(o, ch[u], o.uStart[u], o.uEnd[u], (byte) 0);
        }
      }
      return;
    }
    boolean cyrillic = cyrStrong && !latStrong;
    boolean latin = latStrong && !cyrStrong || !cyrStrong && !latStrong && !cyrWeak;
    boolean ambiguous = !cyrStrong && !latStrong && cyrWeak;
    char[] leet = cyrillic || ambiguous ? CYRILLIC_LEET : LATIN_LEET;
    // A word spelled out with joiners ("s.e.x", "p*h*o*t*o") is one word: no soft boundaries.
    byte soft = spelledOut(o, a, b) ? 0 : NormalizedText.SOFT;
    byte pending = 0;
    boolean letterBefore = false;
    int u = a;
    while (u < b) {
      byte k = kind[u];
      char c = ch[u];
      if (k == FoldTable.LETTER) {
        char m = c;
        if (latin && Confusables.isCyrillic(c)) {
          char l = Confusables.cyrillicToLatin(c);
          m = l != 0 ? l : c;
        } else if ((cyrillic || ambiguous) && !Confusables.isCyrillic(c)) {
          char r = Confusables.latinToCyrillic(c);
          m = r != 0 ? r : c;
        }
        put(o, m, o.uStart[u], o.uEnd[u], (byte) (pending | (ambiguous ? AMBIGUOUS : 0)));
        pending = 0;
        letterBefore = true;
        u++;
      } else if (k == FoldTable.PUNCT && isJoiner(c)) {
        pending = soft;
        u++;
      } else {
        int r = u;
        while (r < b && (kind[r] == FoldTable.DIGIT
            || kind[r] == FoldTable.PUNCT && isLeetSymbol(ch[r]))) {
          r++;
        }
        boolean asLetters = readAsLetters(o, a, b, u, r, leet, letterBefore, lastLetter);
        for (int x = u; x < r; x++) {
          char d = ch[x];
          if (asLetters) {
            put(o, leet[d], o.uStart[x], o.uEnd[x], pending);
            pending = 0;
          } else if (kind[x] == FoldTable.DIGIT) {
            put(o, d, o.uStart[x], o.uEnd[x], (byte) (pending | NormalizedText.SOFT));
            pending = 0;
          }
        }
        if (!asLetters) {
          pending = NormalizedText.SOFT;
        }
        u = r;
      }
    }
  }

  /** Whether token [a, b) is single characters separated by joiners, at least two of them. */
  private static boolean spelledOut(NormalizedText o, int a, int b) {
    int segments = 0;
    int length = 0;
    for (int u = a; u < b; u++) {
      if (o.uKind[u] == FoldTable.PUNCT && isJoiner(o.uChar[u])) {
        if (length > 1) {
          return false;
        }
        segments += length;
        length = 0;
      } else {
        length++;
      }
    }
    return length <= 1 && segments + length >= 2 && segments + length < b - a;
  }

  /**
   * Whether the digits and symbols in units [u, r) of token [a, b) are leetspeak letters. Constant
   * time but for a leading run, whose suffix is read once per token.
   *
   * @param letterBefore whether the token has a letter before u
   * @param lastLetter the index of the token's last letter
   */
  private static boolean readAsLetters(NormalizedText o, int a, int b, int u, int r, char[] leet,
      boolean letterBefore, int lastLetter) {
    for (int x = u; x < r; x++) {
      char d = o.uChar[x];
      if (d >= 128 || leet[d] == 0) {
        return false;
      }
    }
    boolean letterAfter = lastLetter >= r;
    if (letterBefore && letterAfter) {
      return true;
    }
    if (letterAfter) {
      // A leading number followed by a unit ("4k", "12yo", "35mm") is a number.
      if (r - u > 4) {
        return false;
      }
      StringBuilder suffix = new StringBuilder(Math.min(b - r, 16));
      for (int x = r; x < b; x++) {
        if (o.uKind[x] != FoldTable.LETTER || suffix.length() > 8) {
          return true;
        }
        suffix.append(o.uChar[x]);
      }
      return !UNITS.contains(suffix.toString());
    }
    // A trailing run: "porn0", "nud3$", "b00b5"; "model 3000" reads oddly but harmlessly.
    return true;
  }

  /** Appends to the word buffer, which {@link #tokens} sized for every unit. */
  private static void put(NormalizedText o, char c, int from, int to, byte flags) {
    int w = o.wLength++;
    o.wChar[w] = c;
    o.wStart[w] = from;
    o.wEnd[w] = to;
    o.wFlags[w] = flags;
  }

}
