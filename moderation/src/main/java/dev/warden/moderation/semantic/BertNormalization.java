package dev.warden.moderation.semantic;

import java.text.Normalizer;

/**
 * BERT's text normalisation, as Hugging Face's {@code BertNormalizer} does it, in its order:
 * drop control and format characters and map white space to a space; put spaces around CJK
 * ideographs; strip accents (NFD, then drop non-spacing marks); lower-case each code point.
 */
record BertNormalization(boolean cleanText, boolean chineseChars, boolean stripAccents, boolean lowercase) {

  String apply(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    boolean ascii = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (cleanText) {
        if (c == 0 || c == 0xFFFD || isControl(c)) {
          continue;
        }
        if (isWhitespace(c)) {
          b.append(' ');
          continue;
        }
      }
      if (chineseChars && isCjk(c)) {
        b.append(' ').appendCodePoint(c).append(' ');
        ascii = false;
        continue;
      }
      ascii &= c < 0x80;
      b.appendCodePoint(c);
    }
    String s = b.toString();
    if (stripAccents && !ascii) {
      s = stripMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
    }
    return lowercase ? lower(s) : s;
  }

  private static String stripMarks(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.appendCodePoint(c);
      }
    }
    return b.toString();
  }

  /**
   * Lower-cases code point by code point, without context (so a final capital sigma becomes
   * {@code σ}, as in the reference), with the one unconditional multi-character mapping: {@code
   * İ} to {@code i} and a combining dot above.
   */
  private static String lower(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      int l = c == 0x130 ? 'i' : Character.toLowerCase(c);
      if (l != c && b == null) {
        b = new StringBuilder(s.length() + 4).append(s, 0, i);
      }
      if (b != null) {
        b.appendCodePoint(l);
        if (c == 0x130) {
          b.append('\u0307');
        }
      }
      i += n;
    }
    return b == null ? s : b.toString();
  }

  /** Unicode "Other" categories, as the reference's {@code is_control}, except tab and newlines. */
  static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  /** Unicode's White_Space property (Java's own test leaves out the no-break spaces). */
  static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85
        || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029
        || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  /** ASCII punctuation and symbols, and every Unicode punctuation category. */
  static boolean isPunctuation(int c) {
    if (c < 0x80) {
      return c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  /** The CJK ideograph blocks BERT splits character by character. */
  static boolean isCjk(int c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
        || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B820 && c <= 0x2CEAF
        || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
  }
}
