package dev.warden.policy.decision;

/**
 * How serious a finding is. A policy's content rules map each severity of a category to an
 * {@link Action}. Ordered from least to most serious.
 */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Returns the more serious of this severity and {@code other}. */
  public Severity max(Severity other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
