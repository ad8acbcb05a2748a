package dev.warden.consent.ledger;

import dev.warden.consent.ConsentException;
import java.nio.file.Path;

/** A consent store cannot be opened, read or written: names the file involved. */
public final class ConsentStoreException extends ConsentException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public ConsentStoreException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  public ConsentStoreException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /** The store directory or file involved. */
  public Path file() {
    return file;
  }
}
