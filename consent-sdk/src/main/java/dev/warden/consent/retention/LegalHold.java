package dev.warden.consent.retention;

import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal hold: records it covers are not erased, by retention or by erasure requests, while it is
 * active (GDPR Art. 17(3)(e): data needed for legal claims).
 *
 * @param id the hold's id
 * @param scope which records it covers
 * @param reason why, for the record (a case number, "tax audit 2026"); never personal data
 * @param placedAt when it was placed
 * @param until when it ends by itself, if it was given an end
 * @param releasedAt when it was released, if it was
 */
public record LegalHold(
    String id, HoldScope scope, String reason, Instant placedAt, Optional<Instant> until,
    Optional<Instant> releasedAt) {

  /** The longest reason kept. */
  public static final int MAX_REASON = 500;

  public LegalHold {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
    checkReason(reason);
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(releasedAt, "releasedAt");
    until.ifPresent(u -> {
      if (!u.isAfter(placedAt)) {
        throw new IllegalArgumentException("a legal hold must end after it is placed (" + placedAt + "), got " + u);
      }
    });
  }

  static void checkReason(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > MAX_REASON || reason.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("a legal hold's reason must be 1 to " + MAX_REASON
          + " characters on one line, got " + (reason.isBlank() ? "a blank reason" : "a value of length "
          + reason.length()));
    }
  }

  /** Whether the hold is in force at {@code at}: placed, not yet ended, not released. */
  public boolean activeAt(Instant at) {
    return !placedAt.isAfter(at)
        && until.map(at::isBefore).orElse(true)
        && releasedAt.map(at::isBefore).orElse(true);
  }

  /** Whether the hold is in force at {@code at} for records of {@code subject} in {@code category}. */
  public boolean holds(Pseudonym subject, String category, Instant at) {
    return activeAt(at) && scope.covers(subject, category);
  }
}
