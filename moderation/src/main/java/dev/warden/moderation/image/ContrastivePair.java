package dev.warden.moderation.image;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A contrastive pair in the manner of Q16 (Schramowski et al., FAccT 2022): an image is flagged
 * when its cosine similarity with the "inappropriate" embedding beats its similarity with the
 * "appropriate" one by more than {@code margin}. Q16 itself uses a margin of 0 (the argmax of the
 * two similarities).
 *
 * @param id the pair's name
 * @param category the category a flagged image falls in
 * @param severity how serious a flagged image is
 * @param appropriate the "appropriate" embedding (Q16's row 0)
 * @param inappropriate the "inappropriate" embedding (Q16's row 1)
 * @param margin how much the inappropriate similarity must exceed the appropriate one, in [0, 2)
 */
public record ContrastivePair(String id, Category category, Severity severity,
    ImageEmbedding appropriate, ImageEmbedding inappropriate, double margin) {

  public ContrastivePair {
    Concept.checkId(id, "contrastive pair id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(appropriate, "appropriate");
    Objects.requireNonNull(inappropriate, "inappropriate");
    if (!appropriate.space().equals(inappropriate.space())) {
      throw new IllegalArgumentException("contrastive pair " + id + ": the appropriate embedding is of "
          + appropriate.space() + " but the inappropriate one of " + inappropriate.space());
    }
    if (!(margin >= 0 && margin < 2)) {
      throw new IllegalArgumentException("contrastive pair " + id + " margin must be in [0, 2), got "
          + margin);
    }
  }

  /**
   * Reads a Q16 prompt file: a JSON object whose {@code embeddings} holds two rows, "appropriate"
   * then "inappropriate" (the format of Q16's published prompt embeddings converted to JSON;
   * other fields {@code model}, {@code rows}, {@code note} are allowed).
   *
   * @throws ConceptSetException naming the problem, such as a dimension other than the space's
   */
  public static ContrastivePair fromQ16File(Path file, EmbeddingSpace space, String id,
      Category category, Severity severity) {
    return ConceptSetReader.q16(file, space, id, category, severity);
  }

  /** This pair with another margin. */
  public ContrastivePair withMargin(double margin) {
    return new ContrastivePair(id, category, severity, appropriate, inappropriate, margin);
  }
}
