package dev.warden.moderation.semantic;

import dev.warden.moderation.ModerationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A set of classification heads for one sentence encoder, as a head file holds them (format in
 * {@code docs/text-heads.md}). Immutable and thread-safe.
 *
 * <p>{@link #builtIn()} are Warden's default heads for the quantised all-MiniLM-L6-v2 (sexual,
 * violence, hate, harassment, self-harm, illicit), trained with {@link HeadTraining} from example
 * prompts the project wrote ({@code moderation/data/text-heads/examples.csv}). A host trains its
 * own with {@code warden train text-heads} and loads them with {@link #load(Path)}.
 *
 * @param encoder the id of the encoder whose embeddings the heads take
 * @param dimension the embedding dimension
 * @param heads the heads, in order; ids are unique
 * @param training facts about the training (example count, data hash, settings), for people
 */
public record TextHeads(String encoder, int dimension, List<TextHead> heads, Map<String, String> training) {

  static final String FORMAT = "warden-text-heads";
  static final int VERSION = 1;
  static final String BUILT_IN_RESOURCE = "dev/warden/moderation/semantic/text-heads.json";

  public TextHeads {
    Objects.requireNonNull(encoder, "encoder");
    if (encoder.isBlank()) {
      throw new IllegalArgumentException("encoder must not be blank");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
    }
    heads = List.copyOf(heads);
    training = Map.copyOf(training);
    Set<String> ids = new HashSet<>();
    for (TextHead h : heads) {
      if (h.dimension() != dimension) {
        throw new IllegalArgumentException("head " + h.id() + " takes " + h.dimension()
            + " components, but the heads are for " + dimension);
      }
      if (!ids.add(h.id())) {
        throw new IllegalArgumentException("head id " + h.id() + " appears twice");
      }
    }
  }

  /** Warden's default heads for {@link BuiltInEncoder#MINILM_L6_V2_QUANTIZED}. */
  public static TextHeads builtIn() {
    return BuiltInHolder.HEADS;
  }

  /**
   * Reads a head file.
   *
   * @throws ModerationException naming the file and the JSON pointer of every problem found first
   */
  public static TextHeads load(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return HeadFileReader.read(in, file.toString());
    } catch (IOException e) {
      throw new ModerationException("cannot read head file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a head file from a stream (not closed); {@code source} names it in errors. */
  public static TextHeads read(InputStream in, String source) {
    return HeadFileReader.read(Objects.requireNonNull(in, "in"), source);
  }

  /** The head file's JSON text. */
  public String toJson() {
    return HeadFileWriter.write(this);
  }

  /** Writes the head file. */
  public void write(Path file) {
    try {
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write head file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that these heads fit {@code encoder}.
   *
   * @throws ModerationException if the encoder's id or dimension differs
   */
  public void requireCompatible(TextEncoder encoder) {
    if (!encoder.id().equals(this.encoder) || encoder.dimension() != dimension) {
      throw new ModerationException("the heads were trained for encoder " + this.encoder + " (" + dimension
          + " dimensions), not " + encoder.id() + " (" + encoder.dimension() + " dimensions)");
    }
  }

  private static final class BuiltInHolder {
    static final TextHeads HEADS;

    static {
      try (InputStream in = TextHeads.class.getResourceAsStream("text-heads.json")) {
        if (in == null) {
          throw new IllegalStateException(BUILT_IN_RESOURCE + " is missing from warden-moderation");
        }
        HEADS = HeadFileReader.read(in, BUILT_IN_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the built-in heads", e);
      }
    }
  }
}
