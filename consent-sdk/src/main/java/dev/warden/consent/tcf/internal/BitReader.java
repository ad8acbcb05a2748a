package dev.warden.consent.tcf.internal;

/**
 * Reads big-endian bit fields from a base64url-decoded segment held in 64-bit words (first bit in
 * the most significant position). Not thread-safe: one reader per decode.
 */
public final class BitReader {

  private static final int[] ALPHABET = new int[128];
  private static final int[] BYTE_VALUES = new int[256];

  static {
    java.util.Arrays.fill(ALPHABET, -1);
    java.util.Arrays.fill(BYTE_VALUES, -1);
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < chars.length(); i++) {
      ALPHABET[chars.charAt(i)] = i;
      BYTE_VALUES[chars.charAt(i)] = i;
    }
  }

  private final long[] words;
  private final int length;
  private int pos;

  private BitReader(long[] words, int length) {
    this.words = words;
    this.length = length;
  }

  /**
   * Decodes {@code s[start, end)} as base64url, six bits per character. Trailing {@code '='}
   * padding is accepted and ignored; any other character outside the alphabet fails with the bit
   * offset of that character.
   */
  public static BitReader ofBase64Url(CharSequence s, int start, int end) {
    int stop = end;
    while (stop > start && s.charAt(stop - 1) == '=') {
      stop--;
    }
    int bits = 6 * (stop - start);
    // one spare word: the four-character path below may write just past the last bit
    long[] words = new long[((bits + 63) >>> 6) + 1];
    int i = start;
    int at = 0;
    // Four characters (24 bits) at a time; a bad character sends us to the checked loop below.
    while (i + 4 <= stop) {
      int v = value(s.charAt(i)) << 18 | value(s.charAt(i + 1)) << 12 | value(s.charAt(i + 2)) << 6
          | value(s.charAt(i + 3));
      if (v < 0) {
        break;
      }
      put(words, at, v, 24);
      at += 24;
      i += 4;
    }
    for (; i < stop; i++) {
      char c = s.charAt(i);
      int v = value(c);
      if (v < 0) {
        throw new BitException(BitException.Kind.BAD_CHARACTER, 6 * (i - start),
            "character '" + printable(c) + "' at index " + (i - start) + " is not base64url");
      }
      put(words, at, v, 6);
      at += 6;
    }
    return new BitReader(words, bits);
  }

  /**
   * Like {@link #ofBase64Url(CharSequence, int, int)}, over {@code latin1}, the ISO-8859-1 bytes
   * of {@code original} (one byte per character, unmappable characters as {@code '?'}, which is
   * not base64url). Avoids a call per character; errors quote {@code original}.
   */
  public static BitReader ofBase64Url(byte[] latin1, CharSequence original, int start, int end) {
    int stop = end;
    while (stop > start && latin1[stop - 1] == '=') {
      stop--;
    }
    int bits = 6 * (stop - start);
    long[] words = new long[((bits + 63) >>> 6) + 1];
    int i = start;
    int at = 0;
    while (i + 4 <= stop) {
      int v = BYTE_VALUES[latin1[i] & 0xff] << 18 | BYTE_VALUES[latin1[i + 1] & 0xff] << 12
          | BYTE_VALUES[latin1[i + 2] & 0xff] << 6 | BYTE_VALUES[latin1[i + 3] & 0xff];
      if (v < 0) {
        break;
      }
      put(words, at, v, 24);
      at += 24;
      i += 4;
    }
    for (; i < stop; i++) {
      int v = BYTE_VALUES[latin1[i] & 0xff];
      if (v < 0) {
        char c = original.charAt(i);
        throw new BitException(BitException.Kind.BAD_CHARACTER, 6 * (i - start),
            "character '" + printable(c) + "' at index " + (i - start) + " is not base64url");
      }
      put(words, at, v, 6);
      at += 6;
    }
    return new BitReader(words, bits);
  }

  /** The six-bit value of a base64url character, or -1 (every bit set, so OR-ing values stays negative). */
  private static int value(char c) {
    return ALPHABET[c & 0x7f] | ((0x7f - c) >> 31);
  }

  /** ORs the low {@code n} bits of {@code v} (n at most 32) into the words at bit {@code at}. */
  private static void put(long[] words, int at, int v, int n) {
    long aligned = (long) v << (64 - n);
    int w = at >>> 6;
    int off = at & 63;
    words[w] |= aligned >>> off;
    if (off + n > 64) {
      words[w + 1] |= aligned << (64 - off);
    }
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }

  /** The number of bits read so far. */
  public int position() {
    return pos;
  }

  /** The number of bits not read yet. */
  public int remaining() {
    return length - pos;
  }

  /** The total number of bits. */
  public int length() {
    return length;
  }

  private void need(int n, String field) {
    if (n > length - pos) {
      throw new BitException(BitException.Kind.TRUNCATED, pos, field + " needs " + n + " bits at bit "
          + pos + " but only " + (length - pos) + " remain");
    }
  }

  /** Reads an unsigned field of {@code n} bits, 0 to 32. */
  public int readInt(int n, String field) {
    return (int) readLong(n, field);
  }

  /** Reads one bit. */
  public boolean readBit(String field) {
    need(1, field);
    boolean b = (words[pos >>> 6] << (pos & 63)) < 0;
    pos++;
    return b;
  }

  /** Reads an unsigned field of {@code n} bits, 0 to 64. */
  public long readLong(int n, String field) {
    if (n == 0) {
      return 0;
    }
    need(n, field);
    int w = pos >>> 6;
    int off = pos & 63;
    long v = words[w] << off;
    if (off + n > 64) {
      v |= words[w + 1] >>> (64 - off);
    }
    pos += n;
    return v >>> (64 - n);
  }

  /**
   * Copies the next {@code n} bits into new words, first bit in the most significant position of
   * word 0. Checks that the bits are there before allocating anything.
   */
  public long[] readWords(int n, String field) {
    need(n, field);
    long[] out = new long[(n + 63) >>> 6];
    int full = n >>> 6;
    for (int i = 0; i < full; i++) {
      out[i] = readLong(64, field);
    }
    int rest = n & 63;
    if (rest > 0) {
      out[full] = readLong(rest, field) << (64 - rest);
    }
    return out;
  }

  /**
   * Reads a Fibonacci-coded positive integer (GPP): bits weighted 1, 2, 3, 5, 8, ... ended by two
   * consecutive ones. Fails when no terminator appears within {@code maxBits} bits.
   */
  public int readFibonacci(int maxBits, String field) {
    int start = pos;
    long value = 0;
    long a = 1;
    long b = 2;
    boolean prev = false;
    for (int i = 0; i < maxBits; i++) {
      boolean bit = readBit(field);
      if (bit && prev) {
        return (int) value;
      }
      if (bit) {
        value += a;
      }
      prev = bit;
      long next = a + b;
      a = b;
      b = next;
    }
    throw new BitException(BitException.Kind.OVERFLOW, start,
        field + " at bit " + start + " has no Fibonacci terminator within " + maxBits + " bits");
  }
}
