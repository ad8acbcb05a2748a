package dev.warden.moderation.semantic;

/**
 * Turns texts into unit-length sentence embeddings. Warden's {@link SentenceEncoder} runs an ONNX
 * sentence-transformer (all-MiniLM-L6-v2 by default); a host may implement its own.
 * Implementations are thread-safe.
 */
public interface TextEncoder extends AutoCloseable {

  /** The encoder's name, as decisions and head files show it (for example {@code all-minilm-l6-v2-q}). */
  String id();

  /** The number of components of each embedding. */
  int dimension();

  /**
   * Embeds a batch of texts: one unit-length vector of {@link #dimension()} components per text,
   * in order.
   */
  float[][] embed(java.util.List<String> texts);

  /**
   * The form of {@code text} the embedding depends on: texts with equal keys get equal embeddings,
   * and the key embeds as the text does. The semantic stage caches embeddings by it. The default
   * is the text itself.
   */
  default String cacheKey(String text) {
    return text;
  }

  /** Releases the encoder's resources; the default does nothing. */
  @Override
  default void close() {}
}
