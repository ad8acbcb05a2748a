package dev.warden.policy;

import java.util.List;

/**
 * A policy document is invalid. Carries every problem found, not just the first, each with its
 * JSON Pointer and, when the policy was read from a source, its line and column.
 */
public final class PolicyValidationException extends PolicyException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<PolicyProblem> problems;

  public PolicyValidationException(String source, List<PolicyProblem> problems) {
    super(message(source, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one problem");
    }
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  private static String message(String source, List<PolicyProblem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(source).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (PolicyProblem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }

  /** Where the policy came from: a file name, or {@code "policy"} for one built in code. */
  public String source() {
    return source;
  }

  /** Every problem found, in document order. */
  public List<PolicyProblem> problems() {
    return problems;
  }
}
