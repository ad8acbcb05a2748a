package dev.warden.moderation.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named embedding space: the model that produced the vectors, their dimension, and whether they
 * arrive L2-normalised. Immutable.
 *
 * <p>Every vector enters Warden through {@link #embed(float[])}, which rejects a wrong dimension,
 * NaN or infinite components and the all-zero vector with an {@link EmbeddingException} naming
 * this space, and returns the unit-length {@link ImageEmbedding} every stage compares. A space
 * declared {@code normalized} also rejects vectors whose length is not 1 (within {@value
 * #UNIT_TOLERANCE}): a host that promised unit vectors and sends raw ones has a bug worth seeing.
 *
 * @param name the space's name: lower-case letters, digits, {@code -}, {@code .} and {@code _}
 * @param dimension the number of components, 1 to {@value #MAX_DIMENSION}
 * @param normalized whether vectors arrive L2-normalised
 */
public record EmbeddingSpace(String name, int dimension, boolean normalized) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** The largest dimension accepted (Lucene's limit for indexed vectors). */
  public static final int MAX_DIMENSION = 4096;
  /** How far from 1 the length of a vector of a normalised space may be. */
  public static final double UNIT_TOLERANCE = 1e-3;

  /** OpenAI CLIP ViT-L/14 projected image embeddings (Stable Diffusion's safety checker): 768. */
  public static final EmbeddingSpace CLIP_VIT_L_14 = new EmbeddingSpace("clip-vit-l-14", 768, false);
  /** OpenAI CLIP ViT-B/32 projected image embeddings: 512. */
  public static final EmbeddingSpace CLIP_VIT_B_32 = new EmbeddingSpace("clip-vit-b-32", 512, false);

  /** The built-in spaces. */
  public static final List<EmbeddingSpace> BUILT_IN = List.of(CLIP_VIT_L_14, CLIP_VIT_B_32);

  public EmbeddingSpace {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("embedding space name must be 1 to 64 characters of"
          + " [a-z0-9._-] starting with a letter or digit, got '" + name + "'");
    }
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("embedding space " + name + ": dimension must be 1 to "
          + MAX_DIMENSION + ", got " + dimension);
    }
  }

  /** A host-defined space. */
  public static EmbeddingSpace of(String name, int dimension, boolean normalized) {
    return new EmbeddingSpace(name, dimension, normalized);
  }

  /** The built-in space called {@code name}, if there is one. */
  public static Optional<EmbeddingSpace> builtIn(String name) {
    return BUILT_IN.stream().filter(s -> s.name.equals(name)).findFirst();
  }

  /**
   * Parses a space as the command line spells it: a built-in name ({@code clip-vit-l-14}), or
   * {@code name:dimension} for a host-defined space whose vectors are normalised by Warden.
   *
   * @throws IllegalArgumentException naming the spec when it is neither
   */
  public static EmbeddingSpace parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    int colon = spec.indexOf(':');
    if (colon < 0) {
      return builtIn(spec).orElseThrow(() -> new IllegalArgumentException("unknown embedding space '"
          + spec + "' (built in: " + BUILT_IN.stream().map(EmbeddingSpace::name).toList()
          + "; or name:dimension)"));
    }
    int dim;
    try {
      dim = Integer.parseInt(spec.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("embedding space '" + spec
          + "': the part after ':' must be the dimension, a whole number");
    }
    return new EmbeddingSpace(spec.substring(0, colon), dim, false);
  }

  /**
   * Checks {@code vector} against this space and returns it as a unit-length embedding. The
   * caller's array is not modified or kept.
   *
   * @throws EmbeddingException naming this space and the problem: the expected and actual
   *     dimension, the index of a NaN or infinite component, an all-zero vector, or the length of a
   *     vector that should have been normalised
   */
  public ImageEmbedding embed(float[] vector) {
    Objects.requireNonNull(vector, "vector");
    if (vector.length != dimension) {
      throw new EmbeddingException(this, "expects " + dimension + " dimensions, got "
          + vector.length, vector.length, -1);
    }
    double sum = 0;
    for (int i = 0; i < vector.length; i++) {
      float v = vector[i];
      if (!Float.isFinite(v)) {
        throw new EmbeddingException(this, "component " + i + " is " + v
            + " (components must be finite)", vector.length, i);
      }
      sum += (double) v * v;
    }
    if (sum == 0) {
      throw new EmbeddingException(this, "got an all-zero vector, which has no direction",
          vector.length, -1);
    }
    double norm = Math.sqrt(sum);
    if (normalized && Math.abs(norm - 1) > UNIT_TOLERANCE) {
      throw new EmbeddingException(this, "expects L2-normalised vectors, got one of length " + norm,
          vector.length, -1);
    }
    float[] unit = new float[vector.length];
    for (int i = 0; i < unit.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return new ImageEmbedding(this, unit);
  }

  @Override
  public String toString() {
    return name + "(" + dimension + (normalized ? ", normalised" : "") + ")";
  }
}
