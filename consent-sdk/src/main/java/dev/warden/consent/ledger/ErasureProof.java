package dev.warden.consent.ledger;

import dev.warden.policy.audit.Pseudonym;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ledger keeps of a subject it erased: not the records, not the pseudonym, but a digest of
 * each, so that the erasure can be shown for a given pseudonym (and a copy of the records presented
 * later can be shown to be what was erased).
 *
 * @param subjectDigest hex SHA-256 of {@code "warden-erasure|" + pseudonym}
 * @param erasedAt when the erasure was recorded
 * @param recordCount how many records were erased
 * @param recordsDigest hex SHA-256 over the erased records' canonical JSON lines, oldest first
 * @param reference the request it answered (a data-subject request id), if given; never personal data
 */
public record ErasureProof(
    String subjectDigest, Instant erasedAt, int recordCount, String recordsDigest, Optional<String> reference) {

  public ErasureProof {
    Objects.requireNonNull(subjectDigest, "subjectDigest");
    if (!subjectDigest.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("subjectDigest must be 64 lower-case hex digits");
    }
    Objects.requireNonNull(erasedAt, "erasedAt");
    if (recordCount < 0) {
      throw new IllegalArgumentException("recordCount must not be negative, got " + recordCount);
    }
    Objects.requireNonNull(recordsDigest, "recordsDigest");
    Objects.requireNonNull(reference, "reference");
    reference.ifPresent(r -> {
      if (r.length() > 128 || !r.matches("[A-Za-z0-9_.:/-]*")) {
        throw new IllegalArgumentException("reference must be at most 128 characters of [A-Za-z0-9_.:/-], got a value"
            + " of length " + r.length());
      }
    });
  }

  /** The digest that stands for a subject in erasure proofs. */
  public static String digestOf(Pseudonym subject) {
    return sha256Hex(("warden-erasure|" + subject.value()).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether this proof is about {@code subject}. */
  public boolean isAbout(Pseudonym subject) {
    return subjectDigest.equals(digestOf(subject));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
