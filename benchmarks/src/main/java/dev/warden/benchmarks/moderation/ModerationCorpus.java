package dev.warden.benchmarks.moderation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.warden.moderation.EntryKind;
import dev.warden.moderation.Lexicon;
import dev.warden.moderation.LexiconEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The corpus and lexicon every text-moderation contestant gets: the development prompts of I2P
 * ({@code ../shared/data/prompts/i2p_dev.csv}, found through {@code -Dwarden.shared.data} or by
 * walking up from the working directory) plus Warden's harmless prompts, and the terms of the
 * built-in lexicons.
 */
final class ModerationCorpus {

  private static final String DEV = "prompts/i2p_dev.csv";
  private static final String BENIGN = "moderation/src/test/resources/dev/warden/moderation/benign-prompts.csv";

  private ModerationCorpus() {}

  /** The prompts: the development set, then the harmless ones. */
  static List<String> prompts() {
    List<String> out = new ArrayList<>(read(sharedData().resolve(DEV)));
    out.addAll(read(find(BENIGN)));
    return out;
  }

  /** Every term (not markers or allow-list entries) of the built-in lexicons, lower-cased, unique. */
  static List<String> terms() {
    TreeSet<String> terms = new TreeSet<>();
    for (Lexicon l : Lexicon.builtIn()) {
      for (LexiconEntry e : l.entries()) {
        if (e.kind() == EntryKind.TERM) {
          terms.add(e.term().toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(terms);
  }

  private static List<String> read(Path csv) {
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

  private static Path sharedData() {
    String prop = System.getProperty("warden.shared.data");
    if (prop != null && Files.exists(Path.of(prop, DEV))) {
      return Path.of(prop);
    }
    return find("shared/data");
  }

  private static Path find(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new IllegalStateException("cannot find " + relative + " above " + Path.of("").toAbsolutePath()
        + "; run the benchmarks from the repository (or set -Dwarden.shared.data)");
  }
}
