package dev.warden.moderation.semantic;

import dev.warden.policy.decision.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Precision and recall of heads at a range of thresholds on a labelled set: what a host reads to
 * choose the per-category thresholds of its policy.
 */
public final class HeadEvaluation {

  private HeadEvaluation() {}

  /**
   * One head (or {@code any}: a prompt counts when any head reaches the threshold) at one
   * threshold.
   *
   * @param head the head id, or {@code any}
   * @param threshold the score a prompt needs
   * @param truePositives labelled prompts of the head's category (for {@code any}: of any category) at or above it
   * @param falsePositives other prompts at or above it
   * @param falseNegatives labelled prompts below it
   * @param benignFlagged harmless prompts (no category) at or above it
   * @param benign harmless prompts in the set
   */
  public record Row(String head, double threshold, int truePositives, int falsePositives,
      int falseNegatives, int benignFlagged, int benign) {

    /** TP / (TP + FP), NaN when nothing was flagged. */
    public double precision() {
      int flagged = truePositives + falsePositives;
      return flagged == 0 ? Double.NaN : (double) truePositives / flagged;
    }

    /** TP / (TP + FN), NaN without positives. */
    public double recall() {
      int pos = truePositives + falseNegatives;
      return pos == 0 ? Double.NaN : (double) truePositives / pos;
    }

    /** The share of harmless prompts flagged, NaN without harmless prompts. */
    public double benignFalsePositiveRate() {
      return benign == 0 ? Double.NaN : (double) benignFlagged / benign;
    }
  }

  /**
   * Scores every example with every head and counts, for each threshold, per head and for any
   * head.
   *
   * @param embeddings the examples' embeddings, in order
   */
  public static List<Row> evaluate(TextHeads heads, List<LabelledPrompt> examples, float[][] embeddings,
      double[] thresholds) {
    Objects.requireNonNull(heads, "heads");
    if (examples.size() != embeddings.length) {
      throw new IllegalArgumentException(examples.size() + " examples but " + embeddings.length + " embeddings");
    }
    int n = examples.size();
    List<TextHead> hs = heads.heads();
    double[][] scores = new double[hs.size()][n];
    for (int h = 0; h < hs.size(); h++) {
      for (int i = 0; i < n; i++) {
        scores[h][i] = hs.get(h).score(embeddings[i]);
      }
    }
    List<Row> out = new ArrayList<>();
    for (int h = 0; h <= hs.size(); h++) {
      for (double t : thresholds) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int bf = 0;
        int benign = 0;
        for (int i = 0; i < n; i++) {
          LabelledPrompt e = examples.get(i);
          boolean positive;
          boolean flagged;
          if (h < hs.size()) {
            positive = labelled(e, hs.get(h).category());
            flagged = scores[h][i] >= t;
          } else {
            positive = !e.benign();
            flagged = false;
            for (int k = 0; k < hs.size() && !flagged; k++) {
              flagged = scores[k][i] >= t;
            }
          }
          benign += e.benign() ? 1 : 0;
          bf += e.benign() && flagged ? 1 : 0;
          if (positive && flagged) {
            tp++;
          } else if (flagged) {
            fp++;
          } else if (positive) {
            fn++;
          }
        }
        out.add(new Row(h < hs.size() ? hs.get(h).id() : "any", t, tp, fp, fn, bf, benign));
      }
    }
    return out;
  }

  private static boolean labelled(LabelledPrompt e, Category c) {
    for (Category l : e.categories()) {
      if (l.equals(c) || l.parent().equals(c)) {
        return true;
      }
    }
    return false;
  }
}
