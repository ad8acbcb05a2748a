package dev.warden.policy.decision;

/**
 * What the host should do with the input that was decided on.
 *
 * <p>Verdicts are ordered by strictness: {@link #ALLOW} &lt; {@link #FLAG} &lt; {@link #BLOCK}.
 * When several findings apply, the strictest verdict wins ({@link #max(Verdict)}).
 */
public enum Verdict {
  /** Nothing in the policy objects to the input. */
  ALLOW,
  /** The input may proceed, but should be reviewed by a person. */
  FLAG,
  /** The input must not proceed. */
  BLOCK;

  /** Returns the stricter of this verdict and {@code other}. */
  public Verdict max(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
