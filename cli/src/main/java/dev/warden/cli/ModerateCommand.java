package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.TextPrompt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden moderate}: moderate prompts, one JSON line per prompt. */
@Command(name = "moderate", mixinStandardHelpOptions = true,
    description = {"Moderate text prompts with the built-in lexicons (and yours) under a policy.",
        "Writes JSON Lines, one per prompt in order: verdict (ALLOW, FLAG, BLOCK), categories"
            + " [{id, severity, score}], matches [{start, end, category, rule}] with offsets into the"
            + " prompt, language, policy. Exit 0; 2 on a usage error or when an --input line is not"
            + " a usable prompt (that line's output is {\"line\": N, \"error\": ...})."})
final class ModerateCommand implements Callable<Integer> {

  @Mixin Output output;
  @Mixin ModerationOptions options;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The prompt to moderate.")
  String text;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Moderate every line of FILE ('-' for standard input). A line is a prompt, or a"
          + " JSON object {\"prompt\": ..., \"negativePrompt\": ..., \"language\": ...}.")
  String input;

  @Option(names = "--negative-prompt", paramLabel = "TEXT", description = "The negative prompt of TEXT.")
  String negative;

  @Option(names = "--language", paramLabel = "CODE", description = "The prompts' language (ISO 639-1), if known.")
  String language;

  @Option(names = "--progress", negatable = true,
      description = "Show a progress bar on stderr (default: when stderr is a terminal and the input is a file).")
  Boolean progress;

  @Override
  public Integer call() throws IOException {
    if ((text == null) == (input == null)) {
      throw new CliFailure(Main.EXIT_USAGE, "give the prompt as TEXT or a file with --input FILE (not both)");
    }
    PrintWriter out = spec.commandLine().getOut();
    ModerationEngine engine = options.engine();
    if (text != null) {
      TextPrompt p = TextPrompt.of(text);
      if (negative != null) {
        p = p.withNegativePrompt(negative);
      }
      Output.line(out, DecisionJson.of(engine.moderate(withLanguage(p, language))));
      return 0;
    }
    if (negative != null) {
      throw new CliFailure(Main.EXIT_USAGE, "--negative-prompt goes with TEXT; in --input files use JSON lines");
    }
    boolean stdin = input.equals("-");
    Path file = stdin ? null : Path.of(input);
    if (file != null && !Files.isReadable(file)) {
      throw new CliFailure(Main.EXIT_USAGE, "cannot read input file " + input);
    }
    boolean showProgress = progress != null ? progress : !stdin && ProgressBar.stderrIsTerminal();
    long total = -1;
    if (showProgress && file != null) {
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        total = lines.count();
      }
    }
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), total, showProgress);
    int bad = 0;
    try (BufferedReader r = stdin
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        try {
          Output.line(out, DecisionJson.of(engine.moderate(parse(line))));
        } catch (IllegalArgumentException e) {
          bad++;
          ObjectNode o = Output.object().put("line", n).put("error", Main.oneLine(e));
          Output.line(out, o);
        }
        bar.step();
      }
    }
    bar.finish();
    out.flush();
    if (bad > 0) {
      spec.commandLine().getErr().println("warden: " + bad + (bad == 1 ? " line was" : " lines were")
          + " not a usable prompt; see the \"error\" lines");
      return Main.EXIT_USAGE;
    }
    return 0;
  }

  private TextPrompt parse(String line) {
    String t = line.strip();
    if (!t.startsWith("{")) {
      return withLanguage(TextPrompt.of(line), language);
    }
    JsonNode node;
    try {
      node = Output.JSON.readTree(t);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + Main.oneLine(e));
    }
    JsonNode prompt = node.get("prompt");
    if (prompt == null || !prompt.isTextual()) {
      throw new IllegalArgumentException("a JSON line needs a string \"prompt\"");
    }
    TextPrompt p = TextPrompt.of(prompt.asText());
    JsonNode neg = node.get("negativePrompt");
    if (neg != null && !neg.isNull()) {
      if (!neg.isTextual()) {
        throw new IllegalArgumentException("\"negativePrompt\" must be a string");
      }
      p = p.withNegativePrompt(neg.asText());
    }
    JsonNode lang = node.get("language");
    if (lang != null && !lang.isNull()) {
      if (!lang.isTextual()) {
        throw new IllegalArgumentException("\"language\" must be a string");
      }
      return p.withLanguage(lang.asText());
    }
    return withLanguage(p, language);
  }

  private static TextPrompt withLanguage(TextPrompt p, String code) {
    try {
      return code == null ? p : p.withLanguage(code);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(Main.EXIT_USAGE, "--language: " + e.getMessage());
    }
  }
}
