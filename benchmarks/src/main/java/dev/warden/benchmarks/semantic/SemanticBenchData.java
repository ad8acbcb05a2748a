package dev.warden.benchmarks.semantic;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.warden.moderation.semantic.WordPieceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Inputs of the semantic-stage benchmarks: the I2P development prompts ({@code
 * ../shared/data/prompts/i2p_dev.csv}, found through {@code -Dwarden.shared.data} or by walking up
 * from the working directory), and seeded texts of an exact number of word pieces.
 */
final class SemanticBenchData {

  private static final String DEV = "prompts/i2p_dev.csv";
  /** Common words that are one word piece each in the uncased BERT vocabulary. */
  private static final String[] WORDS = ("a portrait of the old man woman city night light dark forest "
      + "river castle dragon painting detailed red blue green gold sky sea ship house tree flower cat dog "
      + "bird horse sun moon star fire water stone glass metal wood street road mountain lake field garden "
      + "window door room chair table book lamp girl boy king queen knight sword shadow rain snow wind "
      + "cloud storm winter summer morning evening golden silver black white art photo style with and in").split(" ");

  private SemanticBenchData() {}

  /** The development prompts, in file order. */
  static List<String> devPrompts() {
    Path csv = sharedData().resolve(DEV);
    List<String> out = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
      while (it.hasNextValue()) {
        out.add(it.nextValue().get("prompt"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    return out;
  }

  /**
   * {@code count} seeded texts of exactly {@code tokens} ids ({@code [CLS]} and {@code [SEP]}
   * included) under {@code tokenizer}.
   */
  static String[] textsOfTokens(WordPieceTokenizer tokenizer, int tokens, int count, long seed) {
    Random r = new Random(seed);
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < tokens - 2; w++) {
        if (w > 0) {
          b.append(' ');
        }
        b.append(WORDS[r.nextInt(WORDS.length)]);
      }
      out[i] = b.toString();
      int got = tokenizer.encode(out[i], 512).length();
      if (got != tokens) {
        throw new IllegalStateException("text of " + got + " tokens, wanted " + tokens + ": " + out[i]);
      }
    }
    return out;
  }

  private static Path sharedData() {
    String prop = System.getProperty("warden.shared.data");
    if (prop != null && Files.exists(Path.of(prop, DEV))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("shared/data").resolve(DEV))) {
        return p.resolve("shared/data");
      }
    }
    throw new IllegalStateException("cannot find shared/data/" + DEV + " above " + Path.of("").toAbsolutePath()
        + "; run the benchmarks from the repository (or set -Dwarden.shared.data)");
  }
}
