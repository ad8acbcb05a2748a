package dev.warden.moderation.semantic;

/**
 * What training measured for a head at its operating point (score 0.5), on out-of-fold scores.
 *
 * @param positives the examples of the head's category
 * @param benign the harmless examples (no category)
 * @param recall the share of positives scored 0.5 or more
 * @param benignFalsePositiveRate the share of harmless examples scored 0.5 or more
 */
public record HeadCalibration(int positives, int benign, double recall, double benignFalsePositiveRate) {

  public HeadCalibration {
    if (positives < 0 || benign < 0) {
      throw new IllegalArgumentException("example counts must not be negative, got " + positives + " and " + benign);
    }
    HeadChecks.rate(recall, "recall");
    HeadChecks.rate(benignFalsePositiveRate, "benignFalsePositiveRate");
  }
}
