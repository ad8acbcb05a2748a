package dev.warden.moderation;

import java.util.Locale;
import java.util.Random;

/**
 * The obfuscations people use to slip terms past keyword filters, as transforms of text. Warden's
 * normalisation undoes each of them; tests and {@code warden eval prompts --obfuscate} use them to
 * measure how much recall survives. Each transform rewrites every word (a run of letters) and keeps
 * everything else; words of one letter are left alone.
 */
public enum Obfuscation {
  /** Letters after a word's first become digits and symbols: "s3x", "a$$", "p0rn". */
  LEETSPEAK,
  /** Letters separated by spaces: "s e x". */
  SPACED,
  /** Letters separated by dots: "s.e.x". */
  DOTTED,
  /** Letters separated by hyphens: "s-e-x". */
  HYPHENATED,
  /** Letters separated by underscores: "s_e_x". */
  UNDERSCORED,
  /** Letters separated by asterisks: "s*e*x". */
  STARRED,
  /** Latin letters swapped for Cyrillic look-alikes (and Russian ones for Latin): "ѕех". */
  HOMOGLYPHS,
  /** Zero-width spaces, joiners and word joiners between letters. */
  ZERO_WIDTH,
  /** Bidirectional control characters between letters. */
  BIDI_CONTROLS,
  /** One letter of each word repeated: "sexxxy". */
  REPEATED,
  /** Fullwidth Latin letters: "ｓｅｘ". */
  FULLWIDTH,
  /** Mathematical bold letters (outside the Basic Multilingual Plane). */
  MATH_BOLD,
  /** Circled letters: "ⓢⓔⓧ". */
  CIRCLED,
  /** Combining accents and strokes on every letter. */
  COMBINING_MARKS,
  /** Random upper and lower case, with the Turkish dotted capital I. */
  MIXED_CASE;

  private static final String LATIN_CYRILLIC = "aаcсeеoоpрxхyуiіsѕjјhһkкmмtтdԁqԛwԝlӏ";
  private static final String CYRILLIC_LATIN = "аaеeоoрpсcуyхxкkмmтtнhвb";
  private static final char[] ZERO_WIDTH_CHARS = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'};
  private static final char[] BIDI_CHARS = {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
      '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'};
  private static final char[] MARKS = {'\u0301', '\u0308', '\u0336', '\u0335', '\u0332', '\u0300'};

  /** Applies this transform to every word of {@code text}, with choices drawn from {@code random}. */
  public String apply(String text, Random random) {
    StringBuilder out = new StringBuilder(text.length() * 3);
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isLetter(cp)) {
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
        continue;
      }
      int j = i;
      while (j < text.length() && Character.isLetter(text.codePointAt(j))) {
        j += Character.charCount(text.codePointAt(j));
      }
      String word = text.substring(i, j);
      out.append(word.codePointCount(0, word.length()) < 2 ? word : word(word, random));
      i = j;
    }
    return out.toString();
  }

  private String word(String w, Random random) {
    int[] cps = w.codePoints().toArray();
    StringBuilder out = new StringBuilder(w.length() * 4);
    int repeat = random.nextInt(cps.length);
    for (int k = 0; k < cps.length; k++) {
      int c = cps[k];
      String sep = switch (this) {
        case SPACED -> " ";
        case DOTTED -> ".";
        case HYPHENATED -> "-";
        case UNDERSCORED -> "_";
        case STARRED -> "*";
        case ZERO_WIDTH -> String.valueOf(ZERO_WIDTH_CHARS[random.nextInt(ZERO_WIDTH_CHARS.length)]);
        case BIDI_CONTROLS -> String.valueOf(BIDI_CHARS[random.nextInt(BIDI_CHARS.length)]);
        default -> "";
      };
      if (k > 0) {
        out.append(sep);
      }
      switch (this) {
        case LEETSPEAK -> out.append(k == 0 ? new String(Character.toChars(c))
            : leet(c, k == cps.length - 1, random));
        // A Russian word keeps every other letter, or it would read as a Latin word.
        case HOMOGLYPHS -> out.appendCodePoint(isCyrillic(c) && k % 2 == 1 ? c : homoglyph(c));
        case REPEATED -> {
          out.appendCodePoint(c);
          if (k == repeat) {
            out.appendCodePoint(c).appendCodePoint(c).appendCodePoint(c);
          }
        }
        case FULLWIDTH -> out.appendCodePoint(c < 128 ? c - 0x21 + 0xFF01 : c);
        case MATH_BOLD -> out.appendCodePoint(c >= 'a' && c <= 'z' ? 0x1D41A + c - 'a'
            : c >= 'A' && c <= 'Z' ? 0x1D400 + c - 'A' : c);
        case CIRCLED -> out.appendCodePoint(c >= 'a' && c <= 'z' ? 0x24D0 + c - 'a'
            : c >= 'A' && c <= 'Z' ? 0x24B6 + c - 'A' : c);
        case COMBINING_MARKS -> out.appendCodePoint(c).append(MARKS[random.nextInt(MARKS.length)]);
        case MIXED_CASE -> {
          if ((c == 'i' || c == 'I') && random.nextInt(3) == 0) {
            out.append('İ');
          } else {
            String s = new String(Character.toChars(c));
            out.append(random.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
          }
        }
        default -> out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  private static boolean isCyrillic(int c) {
    return c >= 0x0400 && c <= 0x04FF;
  }

  /** A leet form; never '|' or '@' at the end of a word, where they read as punctuation. */
  private static String leet(int c, boolean last, Random random) {
    return switch (Character.toLowerCase(c)) {
      case 'a' -> last || random.nextBoolean() ? "4" : "@";
      case 'e' -> "3";
      case 'i' -> "1";
      case 'l' -> last || random.nextBoolean() ? "1" : "|";
      case 'o' -> "0";
      case 's' -> random.nextBoolean() ? "5" : "$";
      case 't' -> "7";
      case 'b' -> "8";
      case 'g' -> "9";
      case 'о' -> "0";
      case 'з' -> "3";
      case 'ч' -> "4";
      case 'б' -> "6";
      default -> new String(Character.toChars(c));
    };
  }

  private static int homoglyph(int c) {
    int lower = Character.toLowerCase(c);
    int i = LATIN_CYRILLIC.indexOf(lower);
    if (i >= 0 && i % 2 == 0) {
      return LATIN_CYRILLIC.charAt(i + 1);
    }
    int j = CYRILLIC_LATIN.indexOf(lower);
    if (j >= 0 && j % 2 == 0) {
      return CYRILLIC_LATIN.charAt(j + 1);
    }
    return c;
  }
}
