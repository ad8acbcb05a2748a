package dev.warden.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input of the consent-string commands: one argument, or a file (or stdin) of one string per line. */
final class ConsentStringInput {

  @Parameters(arity = "0..1", paramLabel = "STRING", description = "The string to decode.")
  String value;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Read one string per line from FILE ('-' for standard input); blank lines are skipped.")
  Path input;

  /** The strings to process, in order. */
  List<String> strings() {
    if (value != null && input != null) {
      throw new CliFailure(Main.EXIT_USAGE, "give a STRING or --input FILE, not both");
    }
    if (value != null) {
      return List.of(value.strip());
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = input == null || input.toString().equals("-")
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new CliFailure(Main.EXIT_USAGE, "cannot read " + (input == null ? "standard input" : input) + ": "
          + e.getMessage());
    }
    return lines;
  }
}
