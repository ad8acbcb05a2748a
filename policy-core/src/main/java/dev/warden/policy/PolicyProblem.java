package dev.warden.policy;

import java.util.Objects;

/**
 * One problem found in a policy document.
 *
 * @param pointer the JSON Pointer (RFC 6901) of the offending value, {@code ""} for the document
 * @param line the 1-based line of the offending value in the source, or 0 when unknown (a policy
 *     built in code)
 * @param column the 1-based column, or 0 when unknown
 * @param message what is wrong, naming the offending value
 */
public record PolicyProblem(String pointer, int line, int column, String message) {

  public PolicyProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** A problem without a source location. */
  static PolicyProblem at(String pointer, String message) {
    return new PolicyProblem(pointer, 0, 0, message);
  }

  /** Whether the problem carries a line and column. */
  public boolean hasLocation() {
    return line > 0;
  }

  @Override
  public String toString() {
    String where = pointer.isEmpty() ? "(document)" : pointer;
    return hasLocation()
        ? where + " (line " + line + ", column " + column + "): " + message
        : where + ": " + message;
  }
}
