package dev.warden.policy.decision;

/**
 * What a policy's content rule prescribes for a finding of a given category and severity.
 * Ordered from most lenient to strictest.
 */
public enum Action {
  /** Let the input through. */
  ALLOW(Verdict.ALLOW, false),
  /** Let the input through and queue it for human review. */
  FLAG(Verdict.FLAG, false),
  /** Refuse the input. */
  BLOCK(Verdict.BLOCK, false),
  /** Refuse the input and report it (for illegal content such as sexual content involving minors). */
  BLOCK_AND_REPORT(Verdict.BLOCK, true);

  private final Verdict verdict;
  private final boolean report;

  Action(Verdict verdict, boolean report) {
    this.verdict = verdict;
    this.report = report;
  }

  /** The verdict this action results in. */
  public Verdict verdict() {
    return verdict;
  }

  /** Whether this action requires a report to the authorities or a trust-and-safety team. */
  public boolean requiresReport() {
    return report;
  }

  /** Returns the stricter of this action and {@code other}. */
  public Action max(Action other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
