package dev.warden.moderation.image;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named concept in embedding space: an image whose cosine similarity with the concept's
 * embedding exceeds its threshold shows the concept. Used both for ordinary concepts and for
 * special-care concepts of a {@link ConceptSet}.
 *
 * @param id the concept's name, 1 to 128 printable characters (it appears in decisions)
 * @param category the content category an image showing the concept falls in
 * @param severity how serious showing the concept is
 * @param embedding the concept's direction
 * @param threshold the cosine similarity the image must exceed, in [-1, 1]
 */
public record Concept(String id, Category category, Severity severity, ImageEmbedding embedding,
    double threshold) {

  static final Pattern ID = Pattern.compile("[\\p{Graph} ]{1,128}");

  public Concept {
    checkId(id, "concept id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(embedding, "embedding");
    checkCosine(threshold, "concept " + id + " threshold");
  }

  static void checkId(String id, String what) {
    Objects.requireNonNull(id, what);
    if (!ID.matcher(id).matches() || id.isBlank()) {
      throw new IllegalArgumentException(what + " must be 1 to 128 printable characters, got '"
          + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "'");
    }
  }

  static void checkCosine(double v, String what) {
    if (!(v >= -1 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be a cosine similarity in [-1, 1], got " + v);
    }
  }
}
