package dev.warden.moderation.enforcement;

/** Where an account stands at a moment. */
public enum Standing {
  /** No violation inside the window. */
  ACTIVE,
  /** Violations inside the window, but no suspension in force. */
  WARNED,
  /** Suspended until {@link AccountStatus#suspendedUntil()}. */
  SUSPENDED,
  /** Terminated for good. */
  TERMINATED
}
