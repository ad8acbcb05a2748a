package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.cookie.CookieCatalog;
import dev.warden.consent.cookie.CookieCatalogException;
import dev.warden.consent.cookie.CookieEvaluation;
import dev.warden.consent.cookie.CookieLabel;
import dev.warden.consent.cookie.LearnedModel;
import dev.warden.policy.CookieClass;
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

/** {@code warden eval cookies} (registered under {@link EvalCommand}): cross-validated accuracy of cookie classification. */
final class CookieEvalCommand {

  private CookieEvalCommand() {}

  /** The fold splits to run. */
  enum SplitChoice { STRATIFIED, BY_VENDOR, BOTH }

  @Command(name = "cookies", mixinStandardHelpOptions = true,
      description = "K-fold cross-validation of cookie classification on a catalog in the Open Cookie Database CSV"
          + " format (for example ../shared/data/cookies/open-cookie-database.csv): each fold is classified by a"
          + " classifier built from the other folds only. Prints accuracy and balanced accuracy for a database"
          + " lookup baseline and for Warden.")
  static final class Cookies implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Option(names = "--catalog", paramLabel = "FILE.csv", required = true, description = "The labelled catalog.")
    Path catalog;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fold assignment (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split", defaultValue = "both",
        description = "stratified, by-vendor (unseen vendors) or both (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--model", defaultValue = "maxent", description = "maxent or naive-bayes (default: ${DEFAULT-VALUE}).")
    String model;

    @Override
    public Integer call() {
      CookiesCommand.quietModelTraining();
      CookieCatalog data;
      try {
        data = CookieCatalog.openCookieDatabase(catalog);
      } catch (CookieCatalogException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      LearnedModel m = switch (model.toLowerCase(Locale.ROOT)) {
        case "maxent" -> LearnedModel.MAXENT;
        case "naive-bayes" -> LearnedModel.NAIVE_BAYES;
        default -> throw new CliFailure(Main.EXIT_USAGE, "--model must be maxent or naive-bayes, got '" + model + "'");
      };
      List<CookieEvaluation.Split> splits = switch (split.toLowerCase(Locale.ROOT)) {
        case "stratified" -> List.of(CookieEvaluation.Split.STRATIFIED);
        case "by-vendor" -> List.of(CookieEvaluation.Split.BY_VENDOR);
        case "both" -> List.of(CookieEvaluation.Split.STRATIFIED, CookieEvaluation.Split.BY_VENDOR);
        default -> throw new CliFailure(Main.EXIT_USAGE, "--split must be stratified, by-vendor or both, got '" + split + "'");
      };
      List<CookieEvaluation.Report> reports = new ArrayList<>();
      for (CookieEvaluation.Split s : splits) {
        try {
          reports.add(CookieEvaluation.crossValidate(data, folds, seed, s, m));
        } catch (IllegalArgumentException e) {
          throw new CliFailure(Main.EXIT_USAGE, "--folds: " + e.getMessage());
        }
      }
      CookieEvaluation.Agreement agreement = CookieEvaluation.agreement(data, CookieCatalog.builtIn());
      PrintWriter out = spec.commandLine().getOut();
      if (output.json) {
        ArrayNode a = Output.JSON.createArrayNode();
        for (CookieEvaluation.Report r : reports) {
          ObjectNode o = json(r);
          ObjectNode ag = o.putObject("labelAgreementWithBuiltIn");
          ag.put("shared", agreement.shared());
          ag.put("agreeing", agreement.agreeing());
          ag.put("rate", agreement.rate());
          a.add(o);
        }
        Output.pretty(out, a);
        return 0;
      }
      for (CookieEvaluation.Report r : reports) {
        out.printf(Locale.ROOT, "%s: %d cookies, %d-fold %s cross-validation, seed %d%n", r.dataset(), r.rows(),
            r.folds(), r.split().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.seed());
        out.print("  classes after mapping:");
        r.classCounts().forEach((k, v) -> out.print(" " + k.name().toLowerCase(Locale.ROOT) + " " + v));
        out.println();
        for (CookieEvaluation.Scores s : r.systems()) {
          out.printf(Locale.ROOT, "  accuracy %.3f  balanced accuracy %.3f  calibration error %s  %s%n", s.accuracy(),
              s.balancedAccuracy(), Double.isNaN(s.calibrationError()) ? "  -  "
                  : String.format(Locale.ROOT, "%.3f", s.calibrationError()), s.system());
        }
        out.println();
      }
      out.printf(Locale.ROOT, "label agreement: the built-in catalog and %s's labels agree on %d of the %d names both"
          + " know (%.3f), a ceiling for any classifier that labels as the built-in catalog does%n", data.name(),
          agreement.agreeing(), agreement.shared(), agreement.rate());
      return 0;
    }

    private static ObjectNode json(CookieEvaluation.Report r) {
      ObjectNode o = Output.object();
      o.put("dataset", r.dataset());
      o.put("rows", r.rows());
      o.put("folds", r.folds());
      o.put("seed", r.seed());
      o.put("split", r.split().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      ObjectNode counts = o.putObject("classCounts");
      r.classCounts().forEach((k, v) -> counts.put(k.name().toLowerCase(Locale.ROOT), v));
      ArrayNode systems = o.putArray("systems");
      for (CookieEvaluation.Scores s : r.systems()) {
        ObjectNode x = systems.addObject();
        x.put("system", s.system());
        x.put("accuracy", s.accuracy());
        x.put("balancedAccuracy", s.balancedAccuracy());
        if (!Double.isNaN(s.calibrationError())) {
          x.put("calibrationError", s.calibrationError());
        }
        ObjectNode confusion = x.putObject("confusion");
        for (CookieClass a : CookieClass.values()) {
          ObjectNode row = confusion.putObject(a.name().toLowerCase(Locale.ROOT));
          for (CookieLabel p : CookieLabel.values()) {
            row.put(p.id(), s.count(a, p));
          }
        }
      }
      return o;
    }
  }
}
