package dev.warden.consent.tcf.internal;

/**
 * A bit-level read failure: a field ran past the end of the data, or a character was not
 * base64url. The string decoders turn it into their own documented exception.
 */
public final class BitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** A character outside the base64url alphabet. */
    BAD_CHARACTER,
    /** A field needs more bits than remain. */
    TRUNCATED,
    /** A Fibonacci-coded integer had no terminator within the allowed length. */
    OVERFLOW
  }

  private final Kind kind;
  private final int bitOffset;

  public BitException(Kind kind, int bitOffset, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.bitOffset = bitOffset;
  }

  public Kind kind() {
    return kind;
  }

  /** The offset, in bits from the start of the segment, of the field or character at fault. */
  public int bitOffset() {
    return bitOffset;
  }
}
