package dev.warden.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.Obfuscation;
import dev.warden.moderation.TextPrompt;
import dev.warden.policy.decision.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden eval prompts|cookies}: quality of text moderation and cookie classification. */
@Command(name = "eval", description = "Measure Warden's moderation and cookie classification on labelled data.",
    mixinStandardHelpOptions = true, subcommands = {EvalCommand.Prompts.class, CookieEvalCommand.Cookies.class})
final class EvalCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: prompts or cookies");
  }

  @Command(name = "prompts", mixinStandardHelpOptions = true,
      description = {"Moderate every prompt of a CSV file (with a header row) and compare the verdicts"
          + " with a label column: precision, recall and false-positive rate.",
          "A label is positive when it is 1, true, yes, unsafe or a number above 0 (or, with"
              + " --positive, one of the given values, also inside a comma-separated cell; with"
              + " --threshold, a number at or above it)."})
  static final class Prompts implements Callable<Integer> {
    @Mixin Output output;
    @Mixin ModerationOptions options;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "CSV file with a header row.")
    Path file;

    @Option(names = "--label-column", required = true, paramLabel = "C", description = "The label column.")
    String labelColumn;

    @Option(names = "--text-column", paramLabel = "C", defaultValue = "prompt",
        description = "The prompt column (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--negative-column", paramLabel = "C", description = "A negative-prompt column, if any.")
    String negativeColumn;

    @Option(names = "--positive", paramLabel = "VALUE", split = ",",
        description = "Label values that count as positive (case-insensitive).")
    List<String> positive;

    @Option(names = "--threshold", paramLabel = "X", description = "A numeric label at or above X is positive.")
    Double threshold;

    @Option(names = "--predict", paramLabel = "VERDICT", defaultValue = "FLAG",
        description = "The least strict verdict that counts as a positive prediction: FLAG or BLOCK"
            + " (default: ${DEFAULT-VALUE}).")
    Verdict predict;

    @Option(names = "--obfuscate", paramLabel = "NAME", split = ",",
        description = "Also measure with every prompt obfuscated: all, or names among ${COMPLETION-CANDIDATES}.")
    List<String> obfuscate = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2026", description = "Seed of the obfuscations.")
    long seed;

    private record Row(String prompt, String negative, boolean positive) {}

    private record Score(String name, int tp, int fp, int fn, int tn) {
      double precision() {
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
      }

      double recall() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
      }

      double fpr() {
        return fp + tn == 0 ? Double.NaN : (double) fp / (fp + tn);
      }
    }

    @Override
    public Integer call() throws IOException {
      if (positive != null && threshold != null) {
        throw new CliFailure(Main.EXIT_USAGE, "--positive and --threshold are alternatives: give one");
      }
      if (predict == Verdict.ALLOW) {
        throw new CliFailure(Main.EXIT_USAGE, "--predict must be FLAG or BLOCK");
      }
      List<Obfuscation> transforms = transforms();
      List<Row> rows = read();
      ModerationEngine engine = options.engine();
      List<Score> scores = new ArrayList<>();
      scores.add(score("none", rows, engine, null));
      for (Obfuscation o : transforms) {
        scores.add(score(o.name().toLowerCase(Locale.ROOT), rows, engine, o));
      }
      print(rows, scores);
      return 0;
    }

    private List<Obfuscation> transforms() {
      List<Obfuscation> out = new ArrayList<>();
      for (String name : obfuscate) {
        if (name.equalsIgnoreCase("all")) {
          out.addAll(Arrays.asList(Obfuscation.values()));
          continue;
        }
        try {
          out.add(Obfuscation.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw new CliFailure(Main.EXIT_USAGE, "--obfuscate: unknown transform '" + name + "' (expected all or "
              + Arrays.stream(Obfuscation.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList() + ")");
        }
      }
      return out;
    }

    private List<Row> read() throws IOException {
      if (!Files.isReadable(file)) {
        throw new CliFailure(Main.EXIT_USAGE, "cannot read " + file);
      }
      CsvMapper mapper = new CsvMapper();
      CsvSchema schema = CsvSchema.emptySchema().withHeader();
      List<Row> rows = new ArrayList<>();
      try (MappingIterator<Map<String, String>> it =
          mapper.readerFor(Map.class).with(schema).readValues(file.toFile())) {
        int line = 1;
        while (it.hasNextValue()) {
          line++;
          Map<String, String> r;
          try {
            r = it.nextValue();
          } catch (RuntimeException e) {
            throw new CliFailure(Main.EXIT_USAGE, file + ": row " + line + ": " + Main.oneLine(e));
          }
          if (line == 2) {
            for (String c : new String[] {labelColumn, textColumn, negativeColumn}) {
              if (c != null && !r.containsKey(c)) {
                throw new CliFailure(Main.EXIT_USAGE, file + ": no column '" + c + "' (columns: " + r.keySet() + ")");
              }
            }
          }
          String text = r.get(textColumn);
          String neg = negativeColumn == null ? null : r.get(negativeColumn);
          rows.add(new Row(text == null ? "" : text, neg == null || neg.isEmpty() ? null : neg,
              label(r.get(labelColumn), line)));
        }
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        throw new CliFailure(Main.EXIT_USAGE, file + ": not a readable CSV file: " + Main.oneLine(e));
      }
      if (rows.isEmpty()) {
        throw new CliFailure(Main.EXIT_USAGE, file + ": no rows after the header");
      }
      return rows;
    }

    private boolean label(String value, int line) {
      String v = value == null ? "" : value.strip();
      if (positive != null) {
        Set<String> cells = Set.copyOf(Arrays.stream(v.toLowerCase(Locale.ROOT).split(","))
            .map(String::strip).toList());
        return positive.stream().anyMatch(p -> cells.contains(p.strip().toLowerCase(Locale.ROOT)));
      }
      if (threshold != null) {
        try {
          return Double.parseDouble(v) >= threshold;
        } catch (NumberFormatException e) {
          throw new CliFailure(Main.EXIT_USAGE, file + ": row " + line + ": label '" + v + "' is not a number");
        }
      }
      switch (v.toLowerCase(Locale.ROOT)) {
        case "1", "true", "yes", "unsafe", "positive" -> {
          return true;
        }
        case "0", "false", "no", "safe", "negative", "" -> {
          return false;
        }
        default -> {
          try {
            return Double.parseDouble(v) > 0;
          } catch (NumberFormatException e) {
            throw new CliFailure(Main.EXIT_USAGE, file + ": row " + line + ": label '" + v
                + "' is not 1/0, true/false, yes/no or a number (use --positive VALUES or --threshold X)");
          }
        }
      }
    }

    private Score score(String name, List<Row> rows, ModerationEngine engine, Obfuscation o) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      int tn = 0;
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        String text = o == null ? r.prompt() : o.apply(r.prompt(), new Random(seed * 1_000_003L + i));
        TextPrompt p = TextPrompt.of(text);
        if (r.negative() != null) {
          p = p.withNegativePrompt(r.negative());
        }
        boolean predicted = engine.moderate(p).verdict().compareTo(predict) >= 0;
        if (predicted && r.positive()) {
          tp++;
        } else if (predicted) {
          fp++;
        } else if (r.positive()) {
          fn++;
        } else {
          tn++;
        }
      }
      return new Score(name, tp, fp, fn, tn);
    }

    private static String pct(double v) {
      return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private void print(List<Row> rows, List<Score> scores) {
      PrintWriter out = spec.commandLine().getOut();
      long positives = rows.stream().filter(Row::positive).count();
      double baseRecall = scores.get(0).recall();
      if (output.json) {
        ObjectNode o = Output.object();
        o.put("file", file.toString()).put("prompts", rows.size()).put("positives", positives)
            .put("negatives", rows.size() - positives).put("predict", predict.name());
        ArrayNode a = o.putArray("results");
        for (Score s : scores) {
          ObjectNode so = a.addObject().put("obfuscation", s.name()).put("tp", s.tp()).put("fp", s.fp())
              .put("fn", s.fn()).put("tn", s.tn());
          putRate(so, "precision", s.precision());
          putRate(so, "recall", s.recall());
          putRate(so, "falsePositiveRate", s.fpr());
          putRate(so, "recallKept", s.recall() / baseRecall);
        }
        Output.pretty(out, o);
        return;
      }
      out.printf("%s: %d prompts, %d positive, %d negative (a prediction is %s or stricter)%n",
          file, rows.size(), positives, rows.size() - positives, predict);
      out.printf("%-16s %6s %6s %6s %6s %10s %8s %8s %12s%n",
          "obfuscation", "TP", "FP", "FN", "TN", "precision", "recall", "FPR", "recall kept");
      for (Score s : scores) {
        out.printf("%-16s %6d %6d %6d %6d %10s %8s %8s %12s%n", s.name(), s.tp(), s.fp(), s.fn(), s.tn(),
            pct(s.precision()), pct(s.recall()), pct(s.fpr()), pct(s.recall() / baseRecall));
      }
    }

    private static void putRate(ObjectNode o, String key, double v) {
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        o.putNull(key);
      } else {
        o.put(key, Math.round(v * 10_000) / 10_000.0);
      }
    }
  }
}
