package dev.warden.consent.gate;

import dev.warden.consent.ConsentException;

/**
 * A {@code Set-Cookie} or {@code Cookie} header that is refused: names the problem and the
 * character offset where it is. The header itself is not kept (it may carry personal data).
 */
public final class CookieHeaderException extends ConsentException {

  private static final long serialVersionUID = 1L;

  private final int offset;

  public CookieHeaderException(String message, int offset) {
    super(message + (offset >= 0 ? " (at character " + offset + ")" : ""));
    this.offset = offset;
  }

  /** The 0-based offset of the offending character, or -1 when the problem is the whole header. */
  public int offset() {
    return offset;
  }
}
