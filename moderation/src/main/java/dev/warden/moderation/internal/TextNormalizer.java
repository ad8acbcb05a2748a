package dev.warden.moderation.internal;

import java.util.Set;

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

  private static final byte AMBIGUOUS = 8;

  private static final String JOINERS = ".*'`´^~\"’‘“”·•°";
  private static final String LEET_SYMBOLS = "@$!|€";
  private static final char[] LATIN_LEET = new char[128];
  private static final char[] CYRILLIC_LEET = new char[128];
  /** Letters after a leading number that make it a number with a unit ("4k", "12yo"), not leet. */
  private static final Set<String> UNITS = Set.of("k", "p", "d", "s", "th", "st", "nd", "rd",
      "yo", "y", "mm", "cm", "km", "kg", "px", "fps", "hz", "am", "pm", "mp", "gb", "mb", "kb", "tb",
      "ml", "ft", "yr", "yrs", "h", "m", "g", "l", "v", "w", "ans", "anos", "anni", "jahre", "jaar",
      "years", "year", "yrold", "yearold", "yearsold");

  private static final byte LATIN_STRONG = 1;
  private static final byte CYRILLIC_STRONG = 2;
  private static final byte CYRILLIC_WEAK = 4;
  /** Per letter: Latin with no Russian look-alike, Russian with none, Russian with one, or other. */
  private static final byte[] SCRIPT = new byte[65536];
  /** Per normalised character: 0 a digit, 1 a letter of an alphabet or other, 2 an ideograph. */
  private static final byte[] CLASS = new byte[65536];
  /** Per character: 1 a joiner, 2 a leet symbol. */
  private static final byte[] ROLE = new byte[65536];
  /** Per normalised character: 0 not a letter, 1 a letter of an alphabet, 2 an ideograph or kana. */
  private static final byte[] WORD = new byte[65536];

  static {
    for (int i = 0; i < JOINERS.length(); i++) {
      ROLE[JOINERS.charAt(i)] = 1;
    }
    for (int i = 0; i < LEET_SYMBOLS.length(); i++) {
      ROLE[LEET_SYMBOLS.charAt(i)] = 2;
    }
    for (int c = 0; c < 65536; c++) {
      CLASS[c] = (byte) (c >= '0' && c <= '9' ? 0 : 1);
      if (Character.isLetter(c)) {
        WORD[c] = (byte) (c >= 0x2E80 && !(c >= 0xA000 && c < 0xAC00) ? 2 : 1);
        CLASS[c] = WORD[c];
        char x = (char) c;
        if (Confusables.isCyrillic(x)) {
          SCRIPT[c] = Confusables.cyrillicToLatin(x) != 0 ? CYRILLIC_WEAK : CYRILLIC_STRONG;
        } else if (Confusables.isLatin(x) && Confusables.latinToCyrillic(x) == 0) {
          SCRIPT[c] = LATIN_STRONG;
        }
      }
    }
    String lat = "0o1i3e4a5s7t8b9g@a$s!i|i";
    for (int i = 0; i < lat.length(); i += 2) {
      LATIN_LEET[lat.charAt(i)] = lat.charAt(i + 1);
    }
    String cyr = "0о3з4ч6б@а";
    for (int i = 0; i < cyr.length(); i += 2) {
      CYRILLIC_LEET[cyr.charAt(i)] = cyr.charAt(i + 1);
    }
  }

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
    units(text, lim, out);
    tokens(out);
  }

  /** Whether {@code c} counts as a letter of a word once normalised. */
  public static boolean isWordChar(char c) {
    return WORD[c] != 0;
  }

  // ---- pass 1: code points to folded units ----

  private static void units(CharSequence s, int lim, NormalizedText o) {
    o.ensureUnits(lim + 16);
    char[] uc = o.uChar;
    byte[] uk = o.uKind;
    int[] us = o.uStart;
    int[] ue = o.uEnd;
    int n = 0;
    int i = 0;
    while (i < lim) {
      char c = s.charAt(i);
      byte k = FoldTable.kind(c);
      if (k >= FoldTable.SPACE && k <= FoldTable.PUNCT) {
        // The common case, one unit for one char: written straight into the buffers.
        char f = FoldTable.fold(c);
        uc[n] = f;
        uk[n] = k == FoldTable.PUNCT && ROLE[f] == 0 ? FoldTable.SEPARATOR : k;
        us[n] = i;
        ue[n] = i + 1;
        n++;
        i++;
        continue;
      }
      o.units = n;
      i = unusual(s, lim, o, i, c, k);
      n = o.units;
      o.ensureUnits(n + (lim - i) + 16);
      uc = o.uChar;
      uk = o.uKind;
      us = o.uStart;
      ue = o.uEnd;
    }
    o.units = n;
  }

  /** Folds a surrogate, mark, kana voicing mark, ignorable or multi-character fold; returns the next index. */
  private static int unusual(CharSequence s, int lim, NormalizedText o, int i, char c, byte k) {
    int next = i + 1;
    char f = FoldTable.fold(c);
    if (Character.isSurrogate(c)) {
      if (Character.isHighSurrogate(c) && next < lim && Character.isLowSurrogate(s.charAt(next))) {
        f = FoldTable.foldSupplementary(Character.toCodePoint(c, s.charAt(next)));
        next++;
        k = f == 0 ? FoldTable.IGNORE : f == ' ' ? FoldTable.SPACE
            : Character.isDigit(f) ? FoldTable.DIGIT : FoldTable.LETTER;
      } else {
        k = FoldTable.IGNORE; // a lone surrogate
      }
    }
    switch (k) {
      case FoldTable.IGNORE -> { }
      case FoldTable.MARK -> {
        if (o.units > 0 && o.uKind[o.units - 1] == FoldTable.LETTER) {
          o.uEnd[o.units - 1] = next;
          if (c == '\u0303' && o.uChar[o.units - 1] == 'n') {
            o.uChar[o.units - 1] = 'ñ'; // n + combining tilde is ñ, as precomposed
          }
        }
      }
      case FoldTable.KANA_MARK -> composeKana(o, c, next);
      case FoldTable.MULTI -> {
        String m = FoldTable.multi(c);
        for (int j = 0; j < m.length(); j++) {
          char x = m.charAt(j);
          byte xk = FoldTable.kind(x);
          if (xk != FoldTable.IGNORE && xk != FoldTable.MARK && xk != FoldTable.MULTI) {
            add(o, FoldTable.fold(x), xk, i, next);
          }
        }
      }
      default -> add(o, f, k, i, next);
    }
    return next;
  }

  private static void add(NormalizedText o, char c, byte kind, int from, int to) {
    o.ensureUnits(o.units + 1);
    int u = o.units++;
    o.uChar[u] = c;
    o.uKind[u] = kind == FoldTable.PUNCT && ROLE[c] == 0 ? FoldTable.SEPARATOR : kind;
    o.uStart[u] = from;
    o.uEnd[u] = to;
  }

  private static void composeKana(NormalizedText o, char mark, int next) {
    if (o.units == 0) {
      return;
    }
    char prev = o.uChar[o.units - 1];
    if (!(prev >= 0x3040 && prev <= 0x30FF)) {
      return;
    }
    char combining = (mark == 0x309B || mark == 0xFF9E || mark == 0x3099) ? '\u3099' : '\u309A';
    String composed = java.text.Normalizer.normalize(
        String.valueOf(prev) + combining, java.text.Normalizer.Form.NFC);
    if (composed.length() == 1) {
      o.uChar[o.units - 1] = composed.charAt(0);
      o.uEnd[o.units - 1] = next;
    }
  }

  // ---- pass 2: tokens, script, leetspeak, joiners ----

  private static boolean isJoiner(char c) {
    return ROLE[c] == 1;
  }

  private static boolean isLeetSymbol(char c) {
    return ROLE[c] == 2;
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
      token(o, a, u);
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

  private static void token(NormalizedText o, int a, int b) {
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
      ambiguous |= (wf[w] & AMBIGUOUS) != 0;
      out(o, wc[w], ws[w], we[w], NormalizedText.HARD);
      for (w++; w < end; w++) {
        ambiguous |= (wf[w] & AMBIGUOUS) != 0;
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
