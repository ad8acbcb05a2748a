package dev.warden.moderation.image;

import dev.warden.moderation.ModerationException;

/**
 * A vector does not belong to an embedding space: wrong dimension, a NaN or infinite component,
 * all zeros, or not normalised when the space promises it. Carries the space and where.
 */
public final class EmbeddingException extends ModerationException {

  private static final long serialVersionUID = 1L;

  private final String spaceName;
  private final int expectedDimension;
  private final int actualDimension;
  private final int index;

  EmbeddingException(EmbeddingSpace space, String problem, int actualDimension, int index) {
    super("embedding space " + space.name() + " " + problem);
    this.spaceName = space.name();
    this.expectedDimension = space.dimension();
    this.actualDimension = actualDimension;
    this.index = index;
  }

  /** The name of the space the vector was checked against. */
  public String spaceName() {
    return spaceName;
  }

  /** The space's dimension. */
  public int expectedDimension() {
    return expectedDimension;
  }

  /** The vector's dimension. */
  public int actualDimension() {
    return actualDimension;
  }

  /** The index of the offending component, or -1 when the problem is the whole vector. */
  public int index() {
    return index;
  }
}
