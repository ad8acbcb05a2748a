package dev.warden.consent.tcf;

import dev.warden.consent.ConsentException;

/**
 * A TC string that cannot be decoded. Carries what was wrong, the segment (0 for the core
 * segment, in the order of the dot-separated parts) and the bit offset within that segment of the
 * field or character at fault. Decoding throws nothing else for any input.
 */
public final class TcStringException extends ConsentException {

  private static final long serialVersionUID = 1L;

  /** The kinds of decoding failure. */
  public enum Problem {
    /** The input is empty or blank. */
    EMPTY,
    /** The input is longer than any real TC string ({@value TcLimits#MAX_STRING_CHARS} characters). */
    TOO_LONG,
    /** A character outside the base64url alphabet, or an empty segment. */
    BAD_BASE64,
    /** The version field is neither 1 nor 2. */
    UNSUPPORTED_VERSION,
    /** A field runs past the end of its segment. */
    TRUNCATED,
    /** A vendor range is empty, starts at 0, or passes the declared maximum vendor id. */
    INVALID_RANGE
  }

  private final Problem problem;
  private final int segment;
  private final int bitOffset;

  public TcStringException(Problem problem, int segment, int bitOffset, String message) {
    super(message);
    this.problem = problem;
    this.segment = segment;
    this.bitOffset = bitOffset;
  }

  /**
   * Records no stack trace: the segment and bit offset say where the input is wrong, and a server
   * that rejects floods of forged strings should not pay for a stack walk on each.
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  /** What was wrong. */
  public Problem problem() {
    return problem;
  }

  /** The dot-separated segment at fault, 0 for the core segment. */
  public int segment() {
    return segment;
  }

  /** The bit offset, within {@link #segment()}, of the field or character at fault. */
  public int bitOffset() {
    return bitOffset;
  }
}
