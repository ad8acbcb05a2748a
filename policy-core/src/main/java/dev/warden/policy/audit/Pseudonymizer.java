package dev.warden.policy.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives stable pseudonyms from raw subject identifiers with HMAC-SHA256 under a host-held key.
 * The same identifier and key always give the same pseudonym; without the key the pseudonym cannot
 * be linked back. Destroying the key makes every pseudonym it produced unlinkable. Thread-safe.
 */
public final class Pseudonymizer {

  private static final int MIN_KEY_BYTES = 16;

  private final byte[] key;
  private final String prefix;

  private Pseudonymizer(byte[] key, String prefix) {
    this.key = key;
    this.prefix = prefix;
  }

  /**
   * A pseudonymizer with the given secret key (at least 16 bytes) and pseudonyms prefixed
   * {@code ps_}.
   */
  public static Pseudonymizer withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "pseudonymization key must be at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
    }
    return new Pseudonymizer(key.clone(), "ps_");
  }

  /** The pseudonym of {@code subjectId}: the prefix and 128 bits of HMAC, base64url. */
  public Pseudonym pseudonym(String subjectId) {
    Objects.requireNonNull(subjectId, "subjectId");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] h = mac.doFinal(subjectId.getBytes(StandardCharsets.UTF_8));
      byte[] half = java.util.Arrays.copyOf(h, 16);
      return new Pseudonym(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(half));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
