package dev.warden.consent.dsr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one source answered a request.
 *
 * @param source the source's id
 * @param status where it stands
 * @param attempts how many times the source was asked
 * @param error the last failure, if the last attempt failed
 * @param nextAttemptAt when {@link DataSubjectRequests#retryDue()} asks again, if it will
 * @param records records found (access, export), corrected (rectification) or erased (erasure)
 * @param retained for an erasure, what was kept and on which legal basis
 * @param note what the source said (why a rectification did not apply, why records were kept)
 */
public record SourceOutcome(
    String source, Status status, int attempts, Optional<String> error, Optional<Instant> nextAttemptAt,
    int records, List<Retained> retained, Optional<String> note) {

  /** Where a source stands in a request. */
  public enum Status {
    /** Not asked yet. */
    PENDING,
    /** Answered. */
    DONE,
    /** The last attempt failed; it will be retried. */
    FAILED,
    /** The source holds nothing the request can act on (a rectification of an append-only log). */
    NOT_APPLICABLE;

    /** Whether the source is finished with the request. */
    public boolean finished() {
      return this == DONE || this == NOT_APPLICABLE;
    }
  }

  public SourceOutcome {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    retained = List.copyOf(retained);
    Objects.requireNonNull(note, "note");
  }

  /** A source not asked yet. */
  public static SourceOutcome pending(String source) {
    return new SourceOutcome(source, Status.PENDING, 0, Optional.empty(), Optional.empty(), 0, List.of(),
        Optional.empty());
  }
}
