package dev.warden.consent.tcf.internal;

import java.util.Arrays;

/** Appends big-endian bit fields and renders them as base64url. Not thread-safe. */
public final class BitWriter {

  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private long[] words = new long[8];
  private int length;

  /** The number of bits written. */
  public int length() {
    return length;
  }

  /** Appends the low {@code n} bits of {@code value}, most significant first; n in 0..64. */
  public BitWriter write(long value, int n) {
    if (n == 0) {
      return this;
    }
    if (n < 64) {
      value &= (1L << n) - 1;
    }
    ensure(length + n);
    int w = length >>> 6;
    int off = length & 63;
    long aligned = value << (64 - n);
    words[w] |= aligned >>> off;
    if (off + n > 64) {
      words[w + 1] |= aligned << (64 - off);
    }
    length += n;
    return this;
  }

  /** Appends one bit. */
  public BitWriter writeBit(boolean bit) {
    return write(bit ? 1 : 0, 1);
  }

  /** Appends the first {@code n} bits of {@code src} (first bit in the most significant position). */
  public BitWriter writeWords(long[] src, int n) {
    int full = n >>> 6;
    for (int i = 0; i < full; i++) {
      write(src[i], 64);
    }
    int rest = n & 63;
    if (rest > 0) {
      write(src[full] >>> (64 - rest), rest);
    }
    return this;
  }

  /** A copy of the bits written, first bit in the most significant position of word 0. */
  public long[] toWords() {
    return java.util.Arrays.copyOf(words, (length + 63) >>> 6);
  }

  private void ensure(int bits) {
    int need = ((bits + 63) >>> 6) + 1;
    if (need > words.length) {
      words = Arrays.copyOf(words, Math.max(need, words.length * 2));
    }
  }

  /**
   * Renders the bits as base64url without padding characters, after padding the bits with zeros
   * to a whole number of bytes (so that byte-oriented decoders accept the result).
   */
  public String toBase64Url() {
    int bits = (length + 7) & ~7;
    int chars = (bits + 5) / 6;
    ensure(bits + 6);
    char[] out = new char[chars];
    for (int i = 0; i < chars; i++) {
      int p = i * 6;
      int w = p >>> 6;
      int off = p & 63;
      long v = words[w] << off;
      if (off > 58) {
        v |= words[w + 1] >>> (64 - off);
      }
      out[i] = ALPHABET[(int) (v >>> 58)];
    }
    return new String(out);
  }
}
