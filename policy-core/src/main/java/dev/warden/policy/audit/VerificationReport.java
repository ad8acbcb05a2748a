package dev.warden.policy.audit;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking an audit journal: how many entries were checked and every problem found.
 *
 * @param entries the number of entries read
 * @param firstSequence the sequence number of the first entry read, or 0 if none
 * @param lastSequence the sequence number of the last entry read, or 0 if none
 * @param lastHash the hash of the last entry read (to compare with an external anchor), or empty
 * @param problems every problem, in file order
 */
public record VerificationReport(
    long entries, long firstSequence, long lastSequence, String lastHash, List<Problem> problems) {

  public VerificationReport {
    Objects.requireNonNull(lastHash, "lastHash");
    problems = List.copyOf(problems);
  }

  /** Whether the journal verified without any problem. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** What kind of damage a problem shows. */
  public enum Kind {
    /** A line is not an entry this journal could have written. */
    MALFORMED,
    /** An entry's content does not match its hash: the entry was modified. */
    MODIFIED,
    /** Sequence numbers skip: entries were deleted. */
    MISSING,
    /** A sequence number repeats or goes backwards: entries were reordered or duplicated. */
    OUT_OF_ORDER,
    /** An entry does not chain to the one before it: an entry was inserted or replaced. */
    BROKEN_CHAIN,
    /** The journal ends before its recorded head: entries were removed from the end. */
    TRUNCATED,
    /** The last line is incomplete (a write torn by a crash); reopening the journal repairs it. */
    TORN_TAIL
  }

  /**
   * One problem.
   *
   * @param kind what kind of damage
   * @param file the journal file
   * @param line the 1-based line in that file, or 0 for the file as a whole
   * @param sequence the sequence number of the entry concerned, or 0 if unknown
   * @param message what is wrong, in a sentence
   */
  public record Problem(Kind kind, String file, long line, long sequence, String message) {
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + ": " + kind + ": " + message;
    }
  }
}
