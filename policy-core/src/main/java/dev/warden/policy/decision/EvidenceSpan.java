package dev.warden.policy.decision;

/**
 * A range of the caller's original input that a finding rests on, as UTF-16 offsets into the
 * string the caller passed in (the same offsets {@link String#substring(int, int)} takes), never
 * into a normalised copy.
 *
 * @param start inclusive start offset, at least 0
 * @param end exclusive end offset, at least {@code start}
 */
public record EvidenceSpan(int start, int end) {

  public EvidenceSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "evidence span needs 0 <= start <= end, got [" + start + ", " + end + ")");
    }
  }

  /** The number of UTF-16 code units the span covers. */
  public int length() {
    return end - start;
  }

  /**
   * Returns the text of {@code input} this span covers.
   *
   * @throws IndexOutOfBoundsException if the span does not fit in {@code input}
   */
  public String textIn(CharSequence input) {
    if (end > input.length()) {
      throw new IndexOutOfBoundsException(
          "span [" + start + ", " + end + ") does not fit an input of length " + input.length());
    }
    return input.subSequence(start, end).toString();
  }
}
