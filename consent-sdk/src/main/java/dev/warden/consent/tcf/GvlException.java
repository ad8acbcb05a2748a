package dev.warden.consent.tcf;

import dev.warden.consent.ConsentException;

/** A Global Vendor List that cannot be read: carries the JSON Pointer of the value at fault. */
public final class GvlException extends ConsentException {

  private static final long serialVersionUID = 1L;
  private final String pointer;

  public GvlException(String pointer, String message) {
    super((pointer.isEmpty() ? "(document)" : pointer) + ": " + message);
    this.pointer = pointer;
  }

  public GvlException(String pointer, String message, Throwable cause) {
    super((pointer.isEmpty() ? "(document)" : pointer) + ": " + message, cause);
    this.pointer = pointer;
  }

  /** The JSON Pointer of the value at fault; empty for the whole document. */
  public String pointer() {
    return pointer;
  }
}
