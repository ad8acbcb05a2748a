package dev.warden.moderation.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image embedding that belongs to an {@link EmbeddingSpace}, scaled to unit length so that a
 * dot product is the cosine similarity. Immutable; make one with {@link EmbeddingSpace#embed}.
 */
public final class ImageEmbedding {

  private final EmbeddingSpace space;
  private final float[] unit;

  ImageEmbedding(EmbeddingSpace space, float[] unit) {
    this.space = space;
    this.unit = unit;
  }

  /** Checks {@code vector} against {@code space}; the same as {@code space.embed(vector)}. */
  public static ImageEmbedding of(EmbeddingSpace space, float[] vector) {
    return Objects.requireNonNull(space, "space").embed(vector);
  }

  /** The space this embedding belongs to. */
  public EmbeddingSpace space() {
    return space;
  }

  /** The number of components. */
  public int dimension() {
    return unit.length;
  }

  /** A copy of the unit-length components. */
  public float[] values() {
    return unit.clone();
  }

  /** The components without a copy, for the stages of this package; never modified. */
  float[] unit() {
    return unit;
  }

  /** The cosine similarity with {@code other}, which must be of the same space. */
  public double cosine(ImageEmbedding other) {
    requireSameSpace(other.space, "other embedding");
    return Vectors.dot(unit, other.unit);
  }

  void requireSameSpace(EmbeddingSpace expected, String what) {
    if (!space.equals(expected)) {
      throw new IllegalArgumentException(what + " is of space " + expected
          + " but the embedding is of space " + space);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageEmbedding e && e.space.equals(space) && Arrays.equals(e.unit, unit);
  }

  @Override
  public int hashCode() {
    return 31 * space.hashCode() + Arrays.hashCode(unit);
  }

  @Override
  public String toString() {
    return "ImageEmbedding[" + space.name() + ", " + unit.length + " dims]";
  }
}
