package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * K-fold cross-validation of cookie classification on a labelled catalog (for example the Open
 * Cookie Database): each fold's cookies are classified by a classifier built from the other folds
 * only, so every test name is one the classifier was not given. Compares Warden (catalog lookup,
 * then the learned model) with a plain database lookup measured the same way (lookup, else the
 * training folds' most common class). A fourth line adds the built-in catalog, as Warden ships; it
 * is not a clean estimate, since that catalog was written by people who know common cookies.
 *
 * {@snippet :
 * CookieEvaluation.Report r = CookieEvaluation.crossValidate(
 *     CookieCatalog.openCookieDatabase(csv), 5, 42L, CookieEvaluation.Split.STRATIFIED, LearnedModel.MAXENT);
 * }
 */
public final class CookieEvaluation {

  private CookieEvaluation() {}

  /** How rows are assigned to folds. */
  public enum Split {
    /** At random, keeping each class's share equal across folds. */
    STRATIFIED,
    /** By vendor: all of a vendor's cookies fall in one fold, so test vendors are unseen too. */
    BY_VENDOR
  }

  /**
   * One system's scores over all folds.
   *
   * @param system what was evaluated
   * @param cookies how many test cookies (every row once)
   * @param accuracy share classified correctly (unknown counts as wrong)
   * @param balancedAccuracy mean over the true classes of the share of that class found
   * @param calibrationError expected calibration error of the confidences (10 equal-width bins:
   *     the mean over cookies of |confidence - accuracy| in each cookie's bin); NaN for a system
   *     that gives no confidence
   * @param confusion counts by true class (rows: necessary, functional, analytics, advertising)
   *     and predicted label (columns: the same and unknown), row-major
   */
  public record Scores(String system, int cookies, double accuracy, double balancedAccuracy, double calibrationError,
      List<Integer> confusion) {
    public Scores {
      Objects.requireNonNull(system, "system");
      confusion = List.copyOf(confusion);
    }

    /** How many cookies of class {@code actual} were labelled {@code predicted}. */
    public int count(CookieClass actual, CookieLabel predicted) {
      return confusion.get(actual.ordinal() * CookieLabel.values().length + predicted.ordinal());
    }
  }

  /**
   * The result of a cross-validation.
   *
   * @param dataset the catalog's name
   * @param rows the rows evaluated
   * @param folds the number of folds
   * @param seed the seed of the fold assignment
   * @param split how rows were assigned to folds
   * @param classCounts rows per (mapped) class
   * @param systems the systems' scores; the baseline first
   */
  public record Report(String dataset, int rows, int folds, long seed, Split split,
      Map<CookieClass, Integer> classCounts, List<Scores> systems) {
    public Report {
      classCounts = Collections.unmodifiableMap(new EnumMap<>(classCounts));
      systems = List.copyOf(systems);
    }
  }

  /**
   * How far two catalogs agree on the names both know exactly (same case): a ceiling on the
   * accuracy any classifier can score against one catalog's labels when it follows the other's.
   *
   * @param shared names both catalogs know exactly
   * @param agreeing of those, how many carry the same class in both
   */
  public record Agreement(int shared, int agreeing) {
    /** The share of shared names that agree; 0 when there are none. */
    public double rate() {
      return shared == 0 ? 0 : (double) agreeing / shared;
    }
  }

  /**
   * Compares {@code data}'s labels with {@code reference}'s on every exact entry of {@code data}
   * that {@code reference} knows by the same exact name (for example the Open Cookie Database, as
   * mapped, against the built-in catalog).
   */
  public static Agreement agreement(CookieCatalog data, CookieCatalog reference) {
    int shared = 0;
    int agreeing = 0;
    for (CatalogEntry e : data.entries()) {
      if (e.match() != CookieMatch.EXACT) {
        continue;
      }
      CookieCatalog.Match m = reference.match(e.name(), e.domains().isEmpty() ? "" : e.domains().get(0));
      if (m != null && m.by() == CookieMatch.EXACT && m.exactCase()) {
        shared++;
        if (m.entry().cookieClass() == e.cookieClass()) {
          agreeing++;
        }
      }
    }
    return new Agreement(shared, agreeing);
  }

  /**
   * Cross-validates on a catalog's entries (pattern entries are skipped).
   *
   * @throws IllegalArgumentException if folds is below 2 or above the number of rows
   */
  public static Report crossValidate(CookieCatalog data, int folds, long seed, Split split, LearnedModel model) {
    List<CatalogEntry> rows = new ArrayList<>();
    List<OcdLabels.Row> sources = data.ocdRows() == null ? null : new ArrayList<>();
    for (int i = 0; i < data.entries().size(); i++) {
      CatalogEntry e = data.entries().get(i);
      if (e.match() != CookieMatch.PATTERN) {
        rows.add(e);
        if (sources != null) {
          sources.add(data.ocdRows().get(i));
        }
      }
    }
    if (folds < 2 || folds > rows.size()) {
      throw new IllegalArgumentException("folds must be in [2, " + rows.size() + "], got " + folds);
    }
    int[] fold = assign(rows, folds, seed, split);
    Tally lookup = new Tally();
    Tally warden = new Tally();
    Tally modelOnly = new Tally();
    Tally shipped = new Tally();
    for (int f = 0; f < folds; f++) {
      List<CatalogEntry> test = new ArrayList<>();
      List<Integer> trainIdx = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (fold[i] == f) {
          test.add(rows.get(i));
        } else {
          trainIdx.add(i);
        }
      }
      if (test.isEmpty()) {
        continue;
      }
      List<CatalogEntry> train = trainingRows(rows, sources, trainIdx);
      CookieCatalog trainCatalog = CookieCatalog.of("training folds", train);
      CookieClass majority = majority(train);
      CookieClassifier classifier = CookieClassifier.builder().builtInCatalog(false).addCatalog(trainCatalog)
          .learnedModel(model).minModelConfidence(0).build();
      CookieClassifier withBuiltIn = classifier.toBuilder().builtInCatalog(true).build();
      for (CatalogEntry e : test) {
        CookieClass truth = e.cookieClass();
        String domain = e.domains().isEmpty() ? "" : e.domains().get(0);
        CookieCatalog.Match hit = trainCatalog.match(e.name(), domain);
        lookup.add(truth, CookieLabel.of(hit != null ? hit.entry().cookieClass() : majority), Double.NaN);
        Classification c = classifier.lookupOrNull(e.name(), domain, "");
        if (c == null) {
          c = classifier.predict(FeatureInput.of(e));
        }
        warden.add(truth, c.label(), c.confidence());
        Classification m = classifier.predict(FeatureInput.of(e));
        modelOnly.add(truth, m.label(), m.confidence());
        Classification s = withBuiltIn.lookupOrNull(e.name(), domain, "");
        if (s == null) {
          s = withBuiltIn.predict(FeatureInput.of(e));
        }
        shipped.add(truth, s.label(), s.confidence());
      }
    }
    Map<CookieClass, Integer> counts = new EnumMap<>(CookieClass.class);
    for (CatalogEntry e : rows) {
      counts.merge(e.cookieClass(), 1, Integer::sum);
    }
    List<Scores> systems = List.of(
        lookup.scores("database lookup (training folds), most common class otherwise"),
        warden.scores("warden: catalog lookup, then the learned model (" + model + ")"),
        modelOnly.scores("learned model alone (" + model + ")"),
        shipped.scores("warden as shipped: built-in catalog, training folds, learned model (" + model
            + "); not a clean estimate: the built-in catalog was written knowing common cookies"));
    return new Report(data.name(), rows.size(), folds, seed, split, counts, systems);
  }

  /**
   * The training folds' rows. For an Open Cookie Database their classes are mapped again from the
   * training rows alone: the mapping learns each vendor's purpose from the vendor's rows, and the
   * test rows must not reach training that way.
   */
  static List<CatalogEntry> trainingRows(List<CatalogEntry> rows, List<OcdLabels.Row> sources,
      List<Integer> idx) {
    List<CatalogEntry> out = new ArrayList<>(idx.size());
    if (sources == null) {
      idx.forEach(i -> out.add(rows.get(i)));
      return out;
    }
    List<OcdLabels.Row> trainSources = new ArrayList<>(idx.size());
    idx.forEach(i -> trainSources.add(sources.get(i)));
    OcdLabels labels = new OcdLabels(trainSources);
    for (int i : idx) {
      CatalogEntry e = rows.get(i);
      out.add(new CatalogEntry(e.name(), e.match(), labels.map(sources.get(i)), e.vendor(), e.domains(), e.lifetime(),
          e.thirdParty(), e.sourceCategory()));
    }
    return out;
  }

  private static int[] assign(List<CatalogEntry> rows, int folds, long seed, Split split) {
    Random rnd = new Random(seed);
    int[] fold = new int[rows.size()];
    if (split == Split.BY_VENDOR) {
      List<String> vendors = rows.stream().map(CatalogEntry::vendor).distinct().sorted().toList();
      List<String> shuffled = new ArrayList<>(vendors);
      Collections.shuffle(shuffled, rnd);
      // Largest vendors first, each to the currently smallest fold, so folds stay balanced.
      Map<String, Integer> size = new HashMap<>();
      rows.forEach(r -> size.merge(r.vendor(), 1, Integer::sum));
      shuffled.sort((a, b) -> Integer.compare(size.get(b), size.get(a)));
      int[] load = new int[folds];
      Map<String, Integer> vendorFold = new HashMap<>();
      for (String v : shuffled) {
        int best = 0;
        for (int f = 1; f < folds; f++) {
          if (load[f] < load[best]) {
            best = f;
          }
        }
        vendorFold.put(v, best);
        load[best] += size.get(v);
      }
      for (int i = 0; i < rows.size(); i++) {
        fold[i] = vendorFold.get(rows.get(i).vendor());
      }
      return fold;
    }
    Map<CookieClass, List<Integer>> byClass = new EnumMap<>(CookieClass.class);
    for (int i = 0; i < rows.size(); i++) {
      byClass.computeIfAbsent(rows.get(i).cookieClass(), c -> new ArrayList<>()).add(i);
    }
    int next = 0;
    for (List<Integer> idx : byClass.values()) {
      Collections.shuffle(idx, rnd);
      for (int i : idx) {
        fold[i] = next++ % folds;
      }
    }
    return fold;
  }

  private static CookieClass majority(List<CatalogEntry> rows) {
    int[] n = new int[4];
    rows.forEach(r -> n[r.cookieClass().ordinal()]++);
    int best = 0;
    for (int i = 1; i < 4; i++) {
      if (n[i] > n[best]) {
        best = i;
      }
    }
    return CookieClass.values()[best];
  }

  /** Counts of one system: the confusion matrix and, for calibration, confidence against correctness. */
  private static final class Tally {
    private static final int BINS = 10;
    private final int[] confusion = new int[4 * CookieLabel.values().length];
    private final int[] binCount = new int[BINS];
    private final int[] binCorrect = new int[BINS];
    private final double[] binConfidence = new double[BINS];
    private boolean calibrated = true;

    void add(CookieClass truth, CookieLabel predicted, double confidence) {
      confusion[truth.ordinal() * CookieLabel.values().length + predicted.ordinal()]++;
      if (Double.isNaN(confidence)) {
        calibrated = false;
        return;
      }
      int bin = Math.min(BINS - 1, (int) (confidence * BINS));
      binCount[bin]++;
      binConfidence[bin] += confidence;
      if (predicted.cookieClass().orElse(null) == truth) {
        binCorrect[bin]++;
      }
    }

    Scores scores(String system) {
      int k = CookieLabel.values().length;
      int total = 0;
      int correct = 0;
      double recallSum = 0;
      int classes = 0;
      for (int a = 0; a < 4; a++) {
        int rowTotal = 0;
        for (int p = 0; p < k; p++) {
          rowTotal += confusion[a * k + p];
        }
        total += rowTotal;
        correct += confusion[a * k + a];
        if (rowTotal > 0) {
          recallSum += (double) confusion[a * k + a] / rowTotal;
          classes++;
        }
      }
      double ece = Double.NaN;
      if (calibrated && total > 0) {
        ece = 0;
        for (int b = 0; b < BINS; b++) {
          ece += Math.abs(binConfidence[b] - binCorrect[b]) / total;
        }
      }
      List<Integer> c = new ArrayList<>();
      for (int v : confusion) {
        c.add(v);
      }
      return new Scores(system, total, total == 0 ? 0 : (double) correct / total,
          classes == 0 ? 0 : recallSum / classes, ece, c);
    }
  }
}
