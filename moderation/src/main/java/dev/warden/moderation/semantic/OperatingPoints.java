package dev.warden.moderation.semantic;

import dev.warden.policy.decision.Category;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Chooses the heads' operating points on out-of-fold scores within a false-positive budget. */
final class OperatingPoints {

  private OperatingPoints() {}

  /**
   * The per-head thresholds. Each head starts above every harmless score (of both pools together);
   * then, one step at a time, the head whose next harmless score let through adds the most
   * out-of-fold harmful examples caught by any head lowers its threshold to it, as long as the
   * harmless examples any head flags stay within budget in each pool.
   */
  static double[] choose(double[][] oof, int[] benign, double[][] cal,
      List<? extends Set<Category>> labels, double maxFpr) {
    int heads = oof.length;
    int calN = cal.length == 0 ? 0 : cal[0].length;
    double[][] pool = new double[heads][benign.length];
    double[][] sorted = new double[heads][benign.length + calN];
    for (int c = 0; c < heads; c++) {
      for (int j = 0; j < benign.length; j++) {
        pool[c][j] = oof[c][benign[j]];
        sorted[c][j] = -pool[c][j];
      }
      for (int j = 0; j < calN; j++) {
        sorted[c][benign.length + j] = -cal[c][j];
      }
      Arrays.sort(sorted[c]);
      for (int j = 0; j < sorted[c].length; j++) {
        sorted[c][j] = -sorted[c][j]; // descending
      }
    }
    int[] harmful = java.util.stream.IntStream.range(0, labels.size()).filter(i -> !labels.get(i).isEmpty()).toArray();
    int budget = (int) Math.floor(maxFpr * benign.length + 1e-9);
    int calBudget = (int) Math.floor(maxFpr * calN + 1e-9);
    int[] k = new int[heads];
    double[] t = thresholds(sorted, k);
    int caught = caught(oof, harmful, t);
    while (true) {
      int bestHead = -1;
      int bestCaught = caught;
      for (int c = 0; c < heads; c++) {
        if (k[c] + 1 > sorted[c].length) {
          continue;
        }
        k[c]++;
        double[] next = thresholds(sorted, k);
        k[c]--;
        if (flagged(pool, next) > budget || flagged(cal, next) > calBudget) {
          continue;
        }
        int n = caught(oof, harmful, next);
        if (n > bestCaught) {
          bestCaught = n;
          bestHead = c;
        }
      }
      if (bestHead < 0) {
        return t;
      }
      k[bestHead]++;
      t = thresholds(sorted, k);
      caught = bestCaught;
    }
  }

  private static double[] thresholds(double[][] sortedDesc, int[] k) {
    double[] t = new double[sortedDesc.length];
    for (int c = 0; c < t.length; c++) {
      t[c] = thresholdAt(sortedDesc[c], k[c]);
    }
    return t;
  }

  /** How many of {@code rows} any head scores at or above its threshold. */
  private static int caught(double[][] oof, int[] rows, double[] t) {
    int n = 0;
    for (int i : rows) {
      for (int c = 0; c < oof.length; c++) {
        if (oof[c][i] >= t[c]) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** How many columns of {@code scores[head][example]} any head flags at {@code t}. */
  static int flagged(double[][] scores, double[] t) {
    if (scores.length == 0) {
      return 0;
    }
    int n = 0;
    for (int j = 0; j < scores[0].length; j++) {
      for (int c = 0; c < scores.length; c++) {
        if (scores[c][j] >= t[c]) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** A threshold that lets exactly the {@code k} highest harmless scores through (ties aside). */
  private static double thresholdAt(double[] s, int k) {
    if (k >= s.length) {
      return s[s.length - 1];
    }
    if (k == 0) {
      return s[0] + 1e-3;
    }
    return (s[k - 1] + s[k]) / 2;
  }
}
