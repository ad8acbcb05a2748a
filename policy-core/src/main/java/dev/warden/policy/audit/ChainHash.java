package dev.warden.policy.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash that chains entries: SHA-256, or HMAC-SHA256 when the journal has a key. Not thread-safe. */
final class ChainHash {

  static final int HEX_LENGTH = 64;
  static final String GENESIS = "0".repeat(HEX_LENGTH);

  private final MessageDigest digest;
  private final Mac mac;

  private ChainHash(MessageDigest digest, Mac mac) {
    this.digest = digest;
    this.mac = mac;
  }

  static ChainHash create(byte[] key) {
    try {
      if (key == null) {
        return new ChainHash(MessageDigest.getInstance("SHA-256"), null);
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return new ChainHash(null, mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 / HmacSHA256 not available in this JVM", e);
    }
  }

  byte[] hash(byte[] buf, int off, int len) {
    if (mac != null) {
      mac.update(buf, off, len);
      return mac.doFinal();
    }
    digest.update(buf, off, len);
    return digest.digest();
  }
}
