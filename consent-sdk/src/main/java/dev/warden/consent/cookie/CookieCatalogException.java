package dev.warden.consent.cookie;

import dev.warden.consent.ConsentException;

/** A cookie catalog cannot be read: names the source and the line. */
public final class CookieCatalogException extends ConsentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  public CookieCatalogException(String source, long line, String message) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message);
    this.source = source;
    this.line = line;
  }

  public CookieCatalogException(String source, long line, String message, Throwable cause) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  /** The file or resource that was read. */
  public String source() {
    return source;
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole source. */
  public long line() {
    return line;
  }
}
