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
   * @param confusion counts by true class (rows: necessary, functional, analytics, advertising)
   *     and predicted label (columns: the same and unknown), row-major
   */
  public record Scores(String system, int cookies, double accuracy, double balancedAccuracy, List<Integer> confusion) {
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
   * Cross-validates on a catalog's entries (pattern entries are skipped).
   *
   * @throws IllegalArgumentException if folds is below 2 or above the number of rows
   */
  public static Report crossValidate(CookieCatalog data, int folds, long seed, Split split, LearnedModel model) {
    List<CatalogEntry> rows = data.entries().stream().filter(e -> e.match() != CookieMatch.PATTERN).toList();
    if (folds < 2 || folds > rows.size()) {
      throw new IllegalArgumentException("folds must be in [2, " + rows.size() + "], got " + folds);
    }
    int[] fold = assign(rows, folds, seed, split);
    int k = CookieLabel.values().length;
    int[] lookup = new int[4 * k];
    int[] warden = new int[4 * k];
    int[] modelOnly = new int[4 * k];
    int[] shipped = new int[4 * k];
    for (int f = 0; f < folds; f++) {
      List<CatalogEntry> train = new ArrayList<>();
      List<CatalogEntry> test = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        (fold[i] == f ? test : train).add(rows.get(i));
      }
      if (test.isEmpty()) {
        continue;
      }
      CookieCatalog trainCatalog = CookieCatalog.of("training folds", train);
      CookieClass majority = majority(train);
      CookieClassifier classifier = CookieClassifier.builder().builtInCatalog(false).addCatalog(trainCatalog)
          .learnedModel(model).minModelConfidence(0).build();
      CookieClassifier withBuiltIn = classifier.toBuilder().builtInCatalog(true).build();
      for (CatalogEntry e : test) {
        int row = e.cookieClass().ordinal() * k;
        String domain = e.domains().isEmpty() ? "" : e.domains().get(0);
        CookieCatalog.Match hit = trainCatalog.match(e.name(), domain);
        CookieLabel base = CookieLabel.of(hit != null ? hit.entry().cookieClass() : majority);
        lookup[row + base.ordinal()]++;
        Classification c = classifier.lookup(e.name(), domain, "");
        if (c == null) {
          c = classifier.predict(FeatureInput.of(e));
        }
        warden[row + c.label().ordinal()]++;
        modelOnly[row + classifier.predict(FeatureInput.of(e)).label().ordinal()]++;
        Classification s = withBuiltIn.lookup(e.name(), domain, "");
        if (s == null) {
          s = withBuiltIn.predict(FeatureInput.of(e));
        }
        shipped[row + s.label().ordinal()]++;
      }
    }
    Map<CookieClass, Integer> counts = new EnumMap<>(CookieClass.class);
    for (CatalogEntry e : rows) {
      counts.merge(e.cookieClass(), 1, Integer::sum);
    }
    List<Scores> systems = List.of(
        scores("database lookup (training folds), most common class otherwise", lookup),
        scores("warden: catalog lookup, then the learned model (" + model + ")", warden),
        scores("learned model alone (" + model + ")", modelOnly),
        scores("warden as shipped: built-in catalog, training folds, learned model (" + model
            + "); not a clean estimate: the built-in catalog was written knowing common cookies", shipped));
    return new Report(data.name(), rows.size(), folds, seed, split, counts, systems);
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

  private static Scores scores(String system, int[] confusion) {
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
    List<Integer> c = new ArrayList<>();
    for (int v : confusion) {
      c.add(v);
    }
    return new Scores(system, total, total == 0 ? 0 : (double) correct / total,
        classes == 0 ? 0 : recallSum / classes, c);
  }
}
