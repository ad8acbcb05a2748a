package dev.warden.moderation.internal;

import java.util.Set;

/** Character tables the normaliser's passes share: roles of punctuation, scripts, leetspeak. */
final class CharRoles {

  private static final String JOINERS = ".*'`´^~\"’‘“”·•°";
  private static final String LEET_SYMBOLS = "@$!|€";
  static final char[] LATIN_LEET = new char[128];
  static final char[] CYRILLIC_LEET = new char[128];
  /** Letters after a leading number that make it a number with a unit ("4k", "12yo"), not leet. */
  static final Set<String> UNITS = Set.of("k", "p", "d", "s", "th", "st", "nd", "rd",
      "yo", "y", "mm", "cm", "km", "kg", "px", "fps", "hz", "am", "pm", "mp", "gb", "mb", "kb", "tb",
      "ml", "ft", "yr", "yrs", "h", "m", "g", "l", "v", "w", "ans", "anos", "anni", "jahre", "jaar",
      "years", "year", "yrold", "yearold", "yearsold");

  static final byte LATIN_STRONG = 1;
  static final byte CYRILLIC_STRONG = 2;
  static final byte CYRILLIC_WEAK = 4;
  /** Per letter: Latin with no Russian look-alike, Russian with none, Russian with one, or other. */
  static final byte[] SCRIPT = new byte[65536];
  /** Per normalised character: 0 a digit, 1 a letter of an alphabet or other, 2 an ideograph. */
  static final byte[] CLASS = new byte[65536];
  /** Per character: 1 a joiner, 2 a leet symbol. */
  static final byte[] ROLE = new byte[65536];
  /** Per normalised character: 0 not a letter, 1 a letter of an alphabet, 2 an ideograph or kana. */
  static final byte[] WORD = new byte[65536];

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

  private CharRoles() {}

  static boolean isJoiner(char c) {
    return ROLE[c] == 1;
  }

  static boolean isLeetSymbol(char c) {
    return ROLE[c] == 2;
  }
}
