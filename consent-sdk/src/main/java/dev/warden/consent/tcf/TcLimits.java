package dev.warden.consent.tcf;

/** Field widths of the TC string format, and the checks the builder and records share. */
final class TcLimits {

  static final int MAX_VENDOR_ID = 65535;
  static final int MAX_12_BIT = 4095;
  static final int MAX_6_BIT = 63;
  /** The largest timestamp a 36-bit decisecond field holds, in milliseconds. */
  static final long MAX_EPOCH_MILLI = ((1L << 36) - 1) * 100;
  /** Longer input is refused before any decoding; real strings stay far below. */
  static final int MAX_STRING_CHARS = 1 << 18;

  private TcLimits() {}

  static void checkMax(String field, IdSet ids, int max) {
    if (ids.max() > max) {
      throw new IllegalArgumentException(field + " ids must be at most " + max + ", got " + ids.max());
    }
  }

  static int checkRange(String field, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " must be in 0.." + max + ", got " + value);
    }
    return value;
  }
}
