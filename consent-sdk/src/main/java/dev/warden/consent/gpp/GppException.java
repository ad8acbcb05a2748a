package dev.warden.consent.gpp;

import dev.warden.consent.ConsentException;

/**
 * A GPP string, or one of its sections, or a US Privacy string, that cannot be decoded. Carries
 * the section id at fault (0 for the GPP header) and the position in that section: a bit offset
 * for base64url sections, a character index for the US Privacy string.
 */
public final class GppException extends ConsentException {

  private static final long serialVersionUID = 1L;

  /** The kinds of failure. */
  public enum Problem {
    /** The input is empty, or longer than any real GPP string. */
    EMPTY_OR_TOO_LONG,
    /** A character outside the section's alphabet, or an empty section. */
    BAD_CHARACTER,
    /** A field runs past the end of its section. */
    TRUNCATED,
    /** The header type is not 3, or a version is not supported. */
    UNSUPPORTED_VERSION,
    /** The header lists a different number of sections than the string has, or malformed ids. */
    SECTION_MISMATCH,
    /** The US Privacy string is not four characters of the right kinds. */
    BAD_US_PRIVACY,
    /** The embedded TC string of section 2 does not decode. */
    BAD_TC_STRING
  }

  private final Problem problem;
  private final int sectionId;
  private final int position;

  public GppException(Problem problem, int sectionId, int position, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
    this.sectionId = sectionId;
    this.position = position;
  }

  public GppException(Problem problem, int sectionId, int position, String message) {
    this(problem, sectionId, position, message, null);
  }

  /** Like {@code TcStringException}: the section and position locate the fault, not a stack trace. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  /** What was wrong. */
  public Problem problem() {
    return problem;
  }

  /** The section id at fault (2 tcfeuv2, 6 uspv1, 7 usnat, ...), or 0 for the header. */
  public int sectionId() {
    return sectionId;
  }

  /** The bit offset in a base64url section, or the character index in a US Privacy string. */
  public int position() {
    return position;
  }
}
