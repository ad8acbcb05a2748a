package dev.warden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.moderation.TextPrompt;
import dev.warden.moderation.image.EmbeddingException;
import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.ImageEmbedding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads JSON Lines of embeddings, failing with the file and line number of the first bad line. */
final class EmbeddingLines {

  /** One parsed line: its number and its JSON object. */
  record Line(int number, JsonNode json) {}

  private EmbeddingLines() {}

  static BufferedReader open(Path input) {
    try {
      return input.toString().equals("-")
          ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          : Files.newBufferedReader(input, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliFailure(Main.EXIT_USAGE, "input file not found: " + input);
    } catch (IOException e) {
      throw new CliFailure(Main.EXIT_USAGE, "cannot read " + input + ": " + e.getMessage());
    }
  }

  /** The next non-blank line as a JSON object, or null at the end. */
  static Line next(BufferedReader in, Path input, int[] lineNo) {
    try {
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        lineNo[0]++;
        if (s.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = Output.JSON.readTree(s);
        } catch (JsonProcessingException e) {
          throw fail(input, lineNo[0], "not a JSON object: " + e.getOriginalMessage());
        }
        if (!n.isObject()) {
          throw fail(input, lineNo[0], "must be a JSON object");
        }
        return new Line(lineNo[0], n);
      }
      return null;
    } catch (IOException e) {
      throw new CliFailure(Main.EXIT_USAGE, "cannot read " + input + ": " + e.getMessage());
    }
  }

  static ImageEmbedding embedding(Line line, Path input, EmbeddingSpace space) {
    JsonNode a = line.json().get("embedding");
    if (a == null || !a.isArray()) {
      throw fail(input, line.number(), "needs \"embedding\": an array of numbers");
    }
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      if (!a.get(i).isNumber()) {
        throw fail(input, line.number(), "embedding[" + i + "] is not a number");
      }
      v[i] = a.get(i).floatValue();
    }
    try {
      return space.embed(v);
    } catch (EmbeddingException e) {
      throw fail(input, line.number(), e.getMessage());
    }
  }

  /**
   * The line's optional prompt: {@code "prompt"} and {@code "negativePrompt"}, strings; empty when
   * the line has neither.
   */
  static Optional<TextPrompt> prompt(Line line, Path input) {
    String prompt = optionalText(line, input, "prompt");
    String negative = optionalText(line, input, "negativePrompt");
    if (prompt == null && negative == null) {
      return Optional.empty();
    }
    TextPrompt p = TextPrompt.of(prompt == null ? "" : prompt);
    return Optional.of(negative == null ? p : p.withNegativePrompt(negative));
  }

  private static String optionalText(Line line, Path input, String field) {
    JsonNode v = line.json().get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw fail(input, line.number(), "\"" + field + "\" must be a string");
    }
    return v.textValue();
  }

  static String text(Line line, Path input, String field) {
    JsonNode v = line.json().get(field);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw fail(input, line.number(), "needs \"" + field + "\": a non-empty string");
    }
    return v.textValue();
  }

  static CliFailure fail(Path input, int line, String message) {
    return new CliFailure(Main.EXIT_USAGE, input + " line " + line + ": " + message);
  }
}
