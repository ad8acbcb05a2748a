package dev.warden.moderation;

import dev.warden.policy.PolicyException;

/** The root of the unchecked exceptions the moderation module throws. */
public class ModerationException extends PolicyException {

  private static final long serialVersionUID = 1L;

  public ModerationException(String message) {
    super(message);
  }

  public ModerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
