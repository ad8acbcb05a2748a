package dev.warden.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.warden.moderation.semantic.LabelledPrompt;
import dev.warden.policy.decision.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The labelled-prompt CSV of {@code warden train text-heads} and {@code warden calibrate
 * text-heads}: a header row, a prompt column and a column of comma-separated categories (empty for
 * a harmless prompt).
 */
final class LabelledCsv {

  @Option(names = "--data", required = true, paramLabel = "FILE.csv",
      description = "Labelled prompts: CSV with a header row, a prompt column and a categories column"
          + " (comma-separated category ids such as sexual or violence/graphic; empty: harmless).")
  Path data;

  @Option(names = "--text-column", paramLabel = "C", defaultValue = "prompt",
      description = "The prompt column (default: ${DEFAULT-VALUE}).")
  String textColumn;

  @Option(names = "--label-column", paramLabel = "C", defaultValue = "categories",
      description = "The categories column (default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--map", paramLabel = "LABEL=CATEGORY", split = ";",
      description = "Read a label as a category (or as nothing with LABEL=); for example"
          + " 'illegal activity=illicit'. Repeatable.")
  Map<String, String> map = Map.of();

  List<LabelledPrompt> read() throws IOException {
    return read(data);
  }

  /** Reads another file with the same columns. */
  List<LabelledPrompt> read(Path data) throws IOException {
    return read(data, true);
  }

  /**
   * Reads a file of prompts with the same prompt column; without the label column every prompt
   * is harmless.
   */
  List<LabelledPrompt> readMaybeUnlabelled(Path data) throws IOException {
    return read(data, false);
  }

  private List<LabelledPrompt> read(Path data, boolean labelRequired) throws IOException {
    if (!Files.isReadable(data)) {
      throw new CliFailure(Main.EXIT_USAGE, "cannot read " + data);
    }
    CsvMapper mapper = new CsvMapper();
    List<LabelledPrompt> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(data.toFile())) {
      int line = 1;
      while (it.hasNextValue()) {
        line++;
        Map<String, String> r;
        try {
          r = it.nextValue();
        } catch (RuntimeException e) {
          throw new CliFailure(Main.EXIT_USAGE, data + ": row " + line + ": " + Main.oneLine(e));
        }
        if (line == 2) {
          for (String c : labelRequired ? new String[] {textColumn, labelColumn} : new String[] {textColumn}) {
            if (!r.containsKey(c)) {
              throw new CliFailure(Main.EXIT_USAGE, data + ": no column '" + c + "' (columns: " + r.keySet() + ")");
            }
          }
        }
        String text = r.get(textColumn);
        rows.add(new LabelledPrompt(text == null ? "" : text, categories(data, r.get(labelColumn), line)));
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new CliFailure(Main.EXIT_USAGE, data + ": not a readable CSV file: " + Main.oneLine(e));
    }
    if (rows.isEmpty()) {
      throw new CliFailure(Main.EXIT_USAGE, data + ": no rows after the header");
    }
    return rows;
  }

  private Set<Category> categories(Path data, String cell, int line) {
    Set<Category> out = new LinkedHashSet<>();
    if (cell == null) {
      return out;
    }
    for (String part : cell.split(",")) {
      String label = part.strip();
      if (label.isEmpty()) {
        continue;
      }
      String id = map.containsKey(label) ? map.get(label) : label.toLowerCase(Locale.ROOT);
      if (id == null || id.isBlank()) {
        continue;
      }
      if (!Category.isValidId(id)) {
        throw new CliFailure(Main.EXIT_USAGE, data + ": row " + line + ": '" + label
            + "' is not a category id (such as sexual or violence/graphic); map it with --map '" + label + "=CATEGORY'");
      }
      out.add(Category.of(id));
    }
    return out;
  }
}
