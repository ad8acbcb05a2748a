package dev.warden.moderation.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-character folding, computed once for the whole Basic Multilingual Plane: NFKD compatibility
 * decomposition with combining marks removed (kana keep their voicing through NFKC), Unicode
 * lower case (never the default locale's), invisible characters dropped, and Latin look-alikes of
 * Greek, IPA and small-capital letters mapped to Latin (Unicode TR39 is the reference).
 */
final class FoldTable {

  /** Dropped without a trace: zero-width and bidi controls, variation selectors, NUL, controls. */
  static final byte IGNORE = 0;
  /** A combining mark: dropped, but the preceding character's span grows over it. */
  static final byte MARK = 1;
  /** White space and characters treated like it (private use, unassigned, most emoji). */
  static final byte SPACE = 2;
  static final byte LETTER = 3;
  static final byte DIGIT = 4;
  /** Punctuation and symbols; the normaliser decides per position what they are. */
  static final byte PUNCT = 5;
  /** A kana voicing mark that composes with the preceding kana. */
  static final byte KANA_MARK = 6;
  /** Folds to several characters ({@code ß -> ss}, ligatures); see {@link #multi(char)}. */
  static final byte MULTI = 7;
  /**
   * Punctuation that separates tokens (not a joiner or leet symbol): set by the normaliser on its
   * units, never in this table.
   */
  static final byte SEPARATOR = 8;

  private static final char[] CHAR = new char[65536];
  private static final byte[] KIND = new byte[65536];
  private static final Map<Character, String> MULTI_TEXT = new HashMap<>();
  private static final char[] MATH = new char[0x1D800 - 0x1D400];

  static {
    for (int c = 0; c < 65536; c++) {
      compute((char) c);
    }
    for (int cp = 0x1D400; cp < 0x1D800; cp++) {
      String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
      char r = s.length() == 1 ? lower(s.charAt(0)) : 0;
      MATH[cp - 0x1D400] = Character.isLetterOrDigit(r) ? r : 0;
    }
  }

  private FoldTable() {}

  static char fold(char c) {
    return CHAR[c];
  }

  static byte kind(char c) {
    return KIND[c];
  }

  static String multi(char c) {
    return MULTI_TEXT.get(c);
  }

  /**
   * Folds a supplementary code point: mathematical alphanumerics, enclosed and squared letters,
   * regional indicators become Latin letters or digits; tags, variation selectors and emoji
   * modifiers are ignored; anything else is treated as a space.
   *
   * @return the folded character, or 0 to ignore the code point, or ' ' for a space
   */
  static char foldSupplementary(int cp) {
    if (cp >= 0x1D400 && cp < 0x1D800) {
      char r = MATH[cp - 0x1D400];
      return r == 0 ? ' ' : r;
    }
    if (cp >= 0x1F130 && cp <= 0x1F149) {
      return (char) ('a' + cp - 0x1F130);
    }
    if (cp >= 0x1F150 && cp <= 0x1F169) {
      return (char) ('a' + cp - 0x1F150);
    }
    if (cp >= 0x1F170 && cp <= 0x1F189) {
      return (char) ('a' + cp - 0x1F170);
    }
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
      return (char) ('a' + cp - 0x1F1E6);
    }
    if ((cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
      return 0;
    }
    return ' ';
  }

  private static char lower(char c) {
    return (char) Character.toLowerCase((int) c);
  }

  private static boolean isKana(char c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F);
  }

  private static void compute(char c) {
    int type = Character.getType(c);
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0x85
        || (c >= 0x1C && c <= 0x1F)) {
      set(c, ' ', SPACE);
      return;
    }
    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x034F) {
      set(c, (char) 0, IGNORE);
      return;
    }
    if (c == 0x3099 || c == 0x309A || c == 0xFF9E || c == 0xFF9F || c == 0x309B || c == 0x309C) {
      set(c, c, KANA_MARK);
      return;
    }
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) {
      set(c, (char) 0, MARK);
      return;
    }
    if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED
        || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x2800) {
      set(c, ' ', SPACE);
      return;
    }
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xAC00 && c <= 0xD7A3)) {
      set(c, c, LETTER); // CJK ideographs and Hangul syllables fold to themselves
      return;
    }
    char special = Confusables.latinLookAlike(lower(c));
    if (special != 0) {
      set(c, special, LETTER);
      return;
    }
    if (c == 'ñ' || c == 'Ñ') {
      set(c, 'ñ', LETTER); // a letter of its own in Spanish: "coño" is not "cono", "niña" not "Nina"
      return;
    }
    if (c == 'ß' || c == 'ẞ') {
      setMulti(c, "ss");
      return;
    }
    if (c == 'œ' || c == 'Œ') {
      setMulti(c, "oe");
      return;
    }
    String s = Normalizer.normalize(String.valueOf(c),
        isKana(c) ? Normalizer.Form.NFKC : Normalizer.Form.NFKD);
    if (s.length() == 3 && s.charAt(0) == '(' && s.charAt(2) == ')') {
      s = s.substring(1, 2); // parenthesised letters and digits: (a) -> a
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      int t = Character.getType(x);
      if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK
          || t == Character.COMBINING_SPACING_MARK) {
        if (!(x == 0x3099 || x == 0x309A)) {
          continue;
        }
      }
      x = lower(x);
      char look = Confusables.latinLookAlike(x);
      out.append(look != 0 ? look : x);
    }
    if (out.length() == 0) {
      set(c, (char) 0, MARK);
    } else if (out.length() == 1) {
      char r = out.charAt(0);
      set(c, r, classify(r));
    } else {
      setMulti(c, out.toString());
    }
  }

  private static byte classify(char r) {
    if (Character.isLetter(r)) {
      return LETTER;
    }
    if (Character.isDigit(r)) {
      return DIGIT;
    }
    if (Character.isWhitespace(r) || Character.isSpaceChar(r)) {
      return SPACE;
    }
    return PUNCT;
  }

  private static void set(char c, char folded, byte kind) {
    if (kind == DIGIT) {
      folded = (char) ('0' + Character.digit(folded, 10));
    }
    CHAR[c] = folded;
    KIND[c] = kind;
  }

  private static void setMulti(char c, String text) {
    CHAR[c] = c;
    KIND[c] = MULTI;
    MULTI_TEXT.put(c, text);
  }
}
