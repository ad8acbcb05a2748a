package dev.warden.moderation.enforcement;

import dev.warden.moderation.image.ImageEmbedding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of the content a violation rests on: what reports and the ledger carry instead of
 * the content, so that a report can be matched with the content the host keeps (or destroyed)
 * without ever holding it.
 *
 * @param sha256 64 lower-case hex digits
 */
public record EvidenceHash(String sha256) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public EvidenceHash {
    Objects.requireNonNull(sha256, "sha256");
    if (!HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("evidence hash must be 64 lower-case hex digits (SHA-256), got "
          + sha256.length() + " characters");
    }
  }

  /** The hash of {@code content} (an uploaded file, a generated image's bytes). */
  public static EvidenceHash of(byte[] content) {
    return new EvidenceHash(HexFormat.of().formatHex(digest().digest(content)));
  }

  /** The hash of a prompt's UTF-8 bytes. */
  public static EvidenceHash ofText(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hash of an embedding's unit-length float32 components, big-endian. */
  public static EvidenceHash of(ImageEmbedding embedding) {
    float[] v = embedding.values();
    ByteBuffer b = ByteBuffer.allocate(v.length * 4);
    for (float f : v) {
      b.putFloat(f);
    }
    return of(b.array());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "sha256:" + sha256;
  }
}
