package dev.warden.policy.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an audit journal, as appended or read back.
 *
 * @param sequence the entry's position in the journal, starting at 1, without gaps
 * @param timestamp when the entry was appended, from the journal's clock
 * @param type what happened, for example {@code consent.granted}
 * @param subject the pseudonymous subject the entry is about, if any
 * @param payload the entry's details: strings, numbers, booleans, null, lists and maps of them
 * @param previousHash the hex SHA-256 (or HMAC-SHA256) of the previous entry; 64 zeros for the
 *     first
 * @param hash the hex hash of this entry, which covers every field above
 */
public record AuditEntry(
    long sequence,
    Instant timestamp,
    String type,
    Optional<Pseudonym> subject,
    Map<String, Object> payload,
    String previousHash,
    String hash) {

  public AuditEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
    }
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
