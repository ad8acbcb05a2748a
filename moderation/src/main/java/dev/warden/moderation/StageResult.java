package dev.warden.moderation;

import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import java.util.List;

/**
 * What one {@link TextStage} found.
 *
 * @param findings the findings, which the policy turns into the decision
 * @param matches the text matches behind them, with offsets into the caller's text
 * @param limits processing limits that applied (input truncated, too many matches)
 */
public record StageResult(List<Finding> findings, List<TextMatch> matches, List<Reason.Limit> limits) {

  /** Nothing found. */
  public static final StageResult EMPTY = new StageResult(List.of(), List.of(), List.of());

  public StageResult {
    findings = List.copyOf(findings);
    matches = List.copyOf(matches);
    limits = List.copyOf(limits);
  }

  /** Findings without text matches or limits (a classifier's result). */
  public static StageResult of(List<Finding> findings) {
    return new StageResult(findings, List.of(), List.of());
  }
}
