package dev.warden.policy.audit;

import dev.warden.policy.PolicyException;
import java.nio.file.Path;

/** An audit journal cannot be opened, written or read. Names the file involved. */
public final class AuditJournalException extends PolicyException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public AuditJournalException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  public AuditJournalException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /** The journal file or directory involved. */
  public Path file() {
    return file;
  }
}
