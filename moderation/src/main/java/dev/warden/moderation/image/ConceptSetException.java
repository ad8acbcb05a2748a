package dev.warden.moderation.image;

import dev.warden.moderation.ModerationException;
import dev.warden.policy.PolicyProblem;
import java.util.List;

/**
 * A concept-set file is invalid. Carries every problem found, each with its JSON Pointer (and
 * line and column when the JSON itself is malformed).
 */
public final class ConceptSetException extends ModerationException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<PolicyProblem> problems;

  ConceptSetException(String source, List<PolicyProblem> problems) {
    super(message(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  private static String message(String source, List<PolicyProblem> problems) {
    StringBuilder sb = new StringBuilder(source).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (PolicyProblem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }

  /** The file or stream name. */
  public String source() {
    return source;
  }

  /** Every problem, in document order. */
  public List<PolicyProblem> problems() {
    return problems;
  }
}
