package dev.warden.consent.retention;

import dev.warden.consent.ConsentException;

/** Retention or a legal hold could not be carried out: a store could not be read or written. */
public class RetentionException extends ConsentException {

  private static final long serialVersionUID = 1L;

  public RetentionException(String message) {
    super(message);
  }

  public RetentionException(String message, Throwable cause) {
    super(message, cause);
  }
}
