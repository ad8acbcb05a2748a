package dev.warden.moderation.image;

/**
 * A classifier over embeddings: a small model that scores each embedding in [0, 1]. Warden's
 * {@link OnnxHead} runs any ONNX model; a host may implement its own (a remote scorer, a linear
 * probe). Implementations are thread-safe.
 */
public interface ClassifierHead extends AutoCloseable {

  /** The head's name, as it appears in decisions. */
  String id();

  /** The dimension of the embeddings the head takes. */
  int dimension();

  /**
   * Scores a batch: one score in [0, 1] per row, in order. Rows are unit-length embeddings of
   * {@link #dimension()} components.
   */
  float[] score(float[][] batch);

  /** Releases the head's resources; the default does nothing. */
  @Override
  default void close() {}
}
