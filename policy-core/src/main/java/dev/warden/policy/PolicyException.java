package dev.warden.policy;

/** The root of the unchecked exceptions policy-core throws. */
public class PolicyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
