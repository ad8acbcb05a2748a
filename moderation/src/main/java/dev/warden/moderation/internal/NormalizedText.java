package dev.warden.moderation.internal;

import java.util.Arrays;

/**
 * The normalised form of one input, with the way back to the input: for every normalised character
 * the range of the original string it came from, how many times it was repeated there, and whether
 * a word boundary precedes it. Word boundaries are flags, not characters, so that a term may span
 * the soft boundaries obfuscation leaves ("s.e.x", "s e x") and multi-word terms match with or
 * without their spaces.
 *
 * <p>A mutable scratch buffer: one per thread or per call, reused across calls by {@link
 * TextNormalizer#normalize}. Not thread-safe.
 */
public final class NormalizedText {

  /** A hard word boundary (space or separator) precedes the character. */
  public static final byte HARD = 1;
  /** A soft boundary (dropped punctuation, spaced-out letters, script change) precedes it. */
  public static final byte SOFT = 2;

  char[] chars = new char[64];
  int[] start = new int[64];
  int[] end = new int[64];
  byte[] run = new byte[64];
  byte[] flags = new byte[64];
  int[] word = new int[64];
  int length;

  boolean wordsValid;

  // Tokens whose every letter is a Russian letter that looks Latin: their Latin reading.
  int[] altStart = new int[8];
  int[] altEnd = new int[8];
  int altCount;
  char[] altChars = new char[0];

  int inputLength;
  int scannedLength;

  // Scratch for the first passes, reused.
  char[] uChar = new char[64];
  int[] uStart = new int[64];
  int[] uEnd = new int[64];
  byte[] uKind = new byte[64];
  int units;
  char[] wChar = new char[64];
  int[] wStart = new int[64];
  int[] wEnd = new int[64];
  byte[] wFlags = new byte[64];
  int wLength;
  int[] tokStart = new int[16];
  int[] tokEnd = new int[16];
  char[] tokSep = new char[16];
  int tokens;

  /** The normalised characters; valid up to {@link #length()}. */
  public char[] chars() {
    return chars;
  }

  /** The number of normalised characters. */
  public int length() {
    return length;
  }

  /** Where normalised character {@code i} starts in the original input. */
  public int sourceStart(int i) {
    return start[i];
  }

  /** Where normalised character {@code i} ends (exclusive) in the original input. */
  public int sourceEnd(int i) {
    return end[i];
  }

  /** How many times character {@code i} was repeated in a row in the input (at most 127). */
  public int run(int i) {
    return run[i];
  }

  /** The boundary flags before character {@code i}: {@link #HARD}, {@link #SOFT} or 0. */
  public int flags(int i) {
    return flags[i];
  }

  /** Whether a match may start or end at position {@code i} (0 and {@code length} included). */
  public boolean boundaryAt(int i) {
    return i <= 0 || i >= length || flags[i] != 0;
  }

  /** The index of the word character {@code i} belongs to (hard boundaries count words). */
  public int wordIndex(int i) {
    if (!wordsValid) {
      // Counted on first use: only combination rules need word positions.
      int w = 0;
      for (int k = 0; k < length; k++) {
        if (k > 0 && (flags[k] & HARD) != 0) {
          w++;
        }
        word[k] = w;
      }
      wordsValid = true;
    }
    return word[i];
  }

  /** The number of tokens whose Latin reading differs (all-look-alike Russian letters). */
  public int alternateCount() {
    return altCount;
  }

  public int alternateStart(int k) {
    return altStart[k];
  }

  public int alternateEnd(int k) {
    return altEnd[k];
  }

  /**
   * The characters with every alternate token in its Latin reading; same length and offsets as
   * {@link #chars()}.
   */
  public char[] alternateChars() {
    return altChars;
  }

  /** The length of the original input. */
  public int inputLength() {
    return inputLength;
  }

  /** How much of the original input was normalised (less than its length when over the limit). */
  public int scannedLength() {
    return scannedLength;
  }

  /** The normalised text as a string, for tests and debugging. */
  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  void ensureUnits(int n) {
    if (uChar.length < n) {
      int c = Math.max(n, uChar.length * 2);
      uChar = Arrays.copyOf(uChar, c);
      uStart = Arrays.copyOf(uStart, c);
      uEnd = Arrays.copyOf(uEnd, c);
      uKind = Arrays.copyOf(uKind, c);
    }
  }

  void ensureWords(int n) {
    if (wChar.length < n) {
      int c = Math.max(n, wChar.length * 2);
      wChar = Arrays.copyOf(wChar, c);
      wStart = Arrays.copyOf(wStart, c);
      wEnd = Arrays.copyOf(wEnd, c);
      wFlags = Arrays.copyOf(wFlags, c);
    }
  }

  void ensureTokens(int n) {
    if (tokStart.length < n) {
      int c = Math.max(n, tokStart.length * 2);
      tokStart = Arrays.copyOf(tokStart, c);
      tokEnd = Arrays.copyOf(tokEnd, c);
      tokSep = Arrays.copyOf(tokSep, c);
    }
  }

  void ensureOutput(int n) {
    if (chars.length < n) {
      int c = Math.max(n, chars.length * 2);
      chars = Arrays.copyOf(chars, c);
      start = Arrays.copyOf(start, c);
      end = Arrays.copyOf(end, c);
      run = Arrays.copyOf(run, c);
      flags = Arrays.copyOf(flags, c);
      word = Arrays.copyOf(word, c);
    }
  }

  void addAlternate(int from, int to) {
    if (altCount == altStart.length) {
      altStart = Arrays.copyOf(altStart, altCount * 2);
      altEnd = Arrays.copyOf(altEnd, altCount * 2);
    }
    altStart[altCount] = from;
    altEnd[altCount] = to;
    altCount++;
  }
}
