package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.semantic.BuiltInEncoder;
import dev.warden.moderation.semantic.HeadCalibration;
import dev.warden.moderation.semantic.HeadTraining;
import dev.warden.moderation.semantic.LabelledPrompt;
import dev.warden.moderation.semantic.SentenceEncoder;
import dev.warden.moderation.semantic.TextHead;
import dev.warden.moderation.semantic.TextHeads;
import dev.warden.policy.decision.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden train text-heads}: train the semantic stage's classification heads. */
@Command(name = "train", description = "Train Warden's models from labelled data.",
    mixinStandardHelpOptions = true, subcommands = TrainCommand.TextHeadsCommand.class)
final class TrainCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: text-heads");
  }

  /** The encoder options shared by training and calibration. */
  static final class EncoderOptions {
    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "minilm-l6-v2-quantized",
        description = "The built-in encoder: minilm-l6-v2-quantized or minilm-l6-v2 (default: ${DEFAULT-VALUE}).")
    String builtIn;

    @Option(names = "--encoder-model", paramLabel = "FILE.onnx",
        description = "Another BERT-style ONNX encoder (with --encoder-tokenizer).")
    Path model;

    @Option(names = "--encoder-tokenizer", paramLabel = "tokenizer.json", description = "Its WordPiece tokenizer.json.")
    Path tokenizer;

    SentenceEncoder open() {
      if ((model == null) != (tokenizer == null)) {
        throw new CliFailure(Main.EXIT_USAGE, "--encoder-model and --encoder-tokenizer go together");
      }
      SentenceEncoder.Builder b = SentenceEncoder.builder();
      if (model != null) {
        b.model(model, tokenizer);
      } else {
        try {
          b.model(BuiltInEncoder.valueOf(builtIn.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw new CliFailure(Main.EXIT_USAGE, "--encoder must be minilm-l6-v2-quantized or minilm-l6-v2, got '" + builtIn + "'");
        }
      }
      try {
        return b.build();
      } catch (ModerationException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      }
    }
  }

  @Command(name = "text-heads", mixinStandardHelpOptions = true,
      description = {"Train one classification head per category of a labelled CSV over sentence"
          + " embeddings, set each head's operating point (score 0.5) on out-of-fold scores so that"
          + " the heads together flag at most --max-fpr of the harmless prompts, and write the head"
          + " file (docs/text-heads.md).",
          "Load it with `warden moderate --heads FILE.json` or TextHeads.load(path)."})
  static final class TextHeadsCommand implements Callable<Integer> {
    @Mixin Output output;
    @Mixin LabelledCsv csv;
    @Mixin EncoderOptions encoder;
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "The head file to write.")
    Path out;

    @Option(names = "--calibration-data", paramLabel = "FILE.csv",
        description = "Harmless prompts (the same prompt column) that only set the operating point: the"
            + " heads together may flag at most --max-fpr of them too. Rows with a category (if the file"
            + " has the label column) are ignored.")
    Path calibration;

    @Option(names = "--max-fpr", paramLabel = "RATE", defaultValue = "0.01",
        description = "Share of harmless prompts the heads may flag together, out of fold (default: ${DEFAULT-VALUE}).")
    double maxFpr;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-logistic", paramLabel = "N", defaultValue = "30",
        description = "Categories with fewer examples get a prototype head (default: ${DEFAULT-VALUE}).")
    int minLogistic;

    @Option(names = "--severity", paramLabel = "S", defaultValue = "medium",
        description = "Severity of the heads' findings: low, medium, high or critical (default: ${DEFAULT-VALUE}).")
    String severity;

    @Override
    public Integer call() throws IOException {
      HeadTraining training;
      try {
        training = HeadTraining.builder().maxBenignFalsePositiveRate(maxFpr).folds(folds).seed(seed)
            .minLogisticExamples(minLogistic).severity(Severity.valueOf(severity.toUpperCase(Locale.ROOT))).build();
      } catch (IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      }
      List<LabelledPrompt> rows = csv.read();
      List<LabelledPrompt> held = calibration == null ? List.of() : csv.readMaybeUnlabelled(calibration);
      TextHeads heads;
      try (SentenceEncoder enc = encoder.open()) {
        heads = training.train(rows, held, enc);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, csv.data + ": " + Main.oneLine(e));
      }
      Map<String, String> info = new LinkedHashMap<>(heads.training());
      info.put("data", csv.data.getFileName().toString());
      info.put("dataSha256", sha256(csv.data));
      if (calibration != null) {
        info.put("calibrationData", calibration.getFileName().toString());
        info.put("calibrationDataSha256", sha256(calibration));
      }
      heads = new TextHeads(heads.encoder(), heads.dimension(), heads.heads(), info);
      heads.write(out);
      print(heads);
      return 0;
    }

    private void print(TextHeads heads) {
      PrintWriter w = spec.commandLine().getOut();
      if (output.json) {
        ObjectNode o = Output.object().put("out", out.toString()).put("encoder", heads.encoder());
        heads.training().forEach(o.putObject("training")::put);
        ArrayNode a = o.putArray("heads");
        for (TextHead h : heads.heads()) {
          ObjectNode ho = a.addObject().put("id", h.id()).put("category", h.category().id())
              .put("type", h instanceof TextHead.Logistic ? "logistic" : "prototypes");
          h.calibration().ifPresent(c -> ho.put("positives", c.positives()).put("recall", c.recall())
              .put("benignFalsePositiveRate", c.benignFalsePositiveRate()));
        }
        Output.pretty(w, o);
        return;
      }
      w.printf("%s: %s examples (%s harmless), encoder %s, %s folds%n", out, heads.training().get("examples"),
          heads.training().get("benignExamples"), heads.encoder(), heads.training().get("folds"));
      w.printf("%-24s %-16s %-10s %9s %8s %11s%n", "head", "category", "type", "examples", "recall", "benign FPR");
      for (TextHead h : heads.heads()) {
        HeadCalibration c = h.calibration().orElseThrow();
        w.printf(Locale.ROOT, "%-24s %-16s %-10s %9d %7.1f%% %10.2f%%%n", h.id(), h.category().id(),
            h instanceof TextHead.Logistic ? "logistic" : "prototypes", c.positives(), 100 * c.recall(),
            100 * c.benignFalsePositiveRate());
      }
      w.printf("all heads, out of fold: recall %s, benign false-positive rate %s (budget %s)%n",
          heads.training().get("outOfFoldRecall"), heads.training().get("outOfFoldBenignFalsePositiveRate"),
          heads.training().get("maxBenignFalsePositiveRate"));
      if (heads.training().containsKey("calibrationBenignExamples")) {
        w.printf("calibration set: %s harmless prompts, false-positive rate %s%n",
            heads.training().get("calibrationBenignExamples"), heads.training().get("calibrationBenignFalsePositiveRate"));
      }
    }

    static String sha256(Path file) throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
