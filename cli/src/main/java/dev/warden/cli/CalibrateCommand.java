package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.semantic.HeadEvaluation;
import dev.warden.moderation.semantic.LabelledPrompt;
import dev.warden.moderation.semantic.SentenceEncoder;
import dev.warden.moderation.semantic.TextHeads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden calibrate text-heads}: precision and recall of the heads at each threshold. */
@Command(name = "calibrate", description = "Measure Warden's models at each threshold on labelled data.",
    mixinStandardHelpOptions = true, subcommands = CalibrateCommand.TextHeadsCommand.class)
final class CalibrateCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: text-heads");
  }

  @Command(name = "text-heads", mixinStandardHelpOptions = true,
      description = {"Score every prompt of a labelled CSV with the semantic stage's heads and report,"
          + " per head and for any head, precision, recall and the share of harmless prompts flagged at"
          + " each threshold: what to put in the policy's content rules (\"threshold\").",
          "A prompt is a positive of a head when it is labelled with the head's category (or a"
              + " sub-category of it); harmless prompts have no label."})
  static final class TextHeadsCommand implements Callable<Integer> {
    @Mixin Output output;
    @Mixin LabelledCsv csv;
    @Mixin TrainCommand.EncoderOptions encoder;
    @Spec CommandSpec spec;

    @Option(names = "--heads", paramLabel = "FILE.json", description = "The head file (default: the built-in heads).")
    Path headsFile;

    @Option(names = "--step", paramLabel = "X", defaultValue = "0.05",
        description = "Threshold step, in (0, 0.5] (default: ${DEFAULT-VALUE}).")
    double step;

    @Override
    public Integer call() throws IOException {
      if (!(step > 0 && step <= 0.5)) {
        throw new CliFailure(Main.EXIT_USAGE, "--step must be in (0, 0.5], got " + step);
      }
      TextHeads heads;
      try {
        heads = headsFile == null ? TextHeads.builtIn() : TextHeads.load(headsFile);
      } catch (ModerationException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      }
      List<LabelledPrompt> rows = csv.read();
      List<Double> ts = new ArrayList<>();
      for (int i = 1; i * step < 1 - 1e-9; i++) {
        ts.add(Math.round(i * step * 1e6) / 1e6);
      }
      double[] thresholds = ts.stream().mapToDouble(Double::doubleValue).toArray();
      List<HeadEvaluation.Row> table;
      try (SentenceEncoder enc = encoder.open()) {
        try {
          heads.requireCompatible(enc);
        } catch (ModerationException e) {
          throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e) + " (choose it with --encoder)");
        }
        float[][] x = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
          x[i] = enc.embed(enc.cacheKey(rows.get(i).prompt()));
        }
        table = HeadEvaluation.evaluate(heads, rows, x, thresholds);
      }
      print(rows, table);
      return 0;
    }

    private void print(List<LabelledPrompt> rows, List<HeadEvaluation.Row> table) {
      PrintWriter w = spec.commandLine().getOut();
      long benign = rows.stream().filter(LabelledPrompt::benign).count();
      if (output.json) {
        ObjectNode o = Output.object().put("data", csv.data.toString()).put("prompts", rows.size())
            .put("benign", benign);
        ArrayNode a = o.putArray("rows");
        for (HeadEvaluation.Row r : table) {
          ObjectNode ro = a.addObject().put("head", r.head()).put("threshold", r.threshold())
              .put("tp", r.truePositives()).put("fp", r.falsePositives()).put("fn", r.falseNegatives())
              .put("benignFlagged", r.benignFlagged());
          rate(ro, "precision", r.precision());
          rate(ro, "recall", r.recall());
          rate(ro, "benignFalsePositiveRate", r.benignFalsePositiveRate());
        }
        Output.pretty(w, o);
        return;
      }
      w.printf("%s: %d prompts, %d harmless%n", csv.data, rows.size(), benign);
      String head = null;
      for (HeadEvaluation.Row r : table) {
        if (!r.head().equals(head)) {
          head = r.head();
          w.printf("%n%-24s %9s %6s %6s %6s %10s %8s %11s%n", head, "threshold", "TP", "FP", "FN",
              "precision", "recall", "benign FPR");
        }
        w.printf(Locale.ROOT, "%-24s %9.2f %6d %6d %6d %10s %8s %11s%n", "", r.threshold(), r.truePositives(),
            r.falsePositives(), r.falseNegatives(), pct(r.precision()), pct(r.recall()),
            pct(r.benignFalsePositiveRate()));
      }
    }

    private static String pct(double v) {
      return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static void rate(ObjectNode o, String key, double v) {
      if (Double.isNaN(v)) {
        o.putNull(key);
      } else {
        o.put(key, Math.round(v * 10_000) / 10_000.0);
      }
    }
  }
}
