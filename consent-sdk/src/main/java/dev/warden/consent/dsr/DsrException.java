package dev.warden.consent.dsr;

import dev.warden.consent.ConsentException;

/**
 * A data-subject request could not be handled: no request has the id, the step is not allowed in
 * the request's state, or its store cannot be read or written.
 */
public class DsrException extends ConsentException {

  private static final long serialVersionUID = 1L;

  public DsrException(String message) {
    super(message);
  }

  public DsrException(String message, Throwable cause) {
    super(message, cause);
  }
}
