package dev.warden.moderation.internal;

import static dev.warden.moderation.internal.CharRoles.ROLE;

/**
 * The normaliser's first pass: code points to folded units (one per output character of the
 * fold), each with its kind and the range of the input it came from.
 */
final class UnitFolder {

  private UnitFolder() {}

  static void units(CharSequence s, int lim, NormalizedText o) {
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

}
