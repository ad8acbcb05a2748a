package dev.warden.consent;

import dev.warden.policy.PolicyException;

/** The root of the unchecked exceptions the consent SDK throws. */
public class ConsentException extends PolicyException {

  private static final long serialVersionUID = 1L;

  public ConsentException(String message) {
    super(message);
  }

  public ConsentException(String message, Throwable cause) {
    super(message, cause);
  }
}
