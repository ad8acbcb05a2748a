package dev.warden.consent.retention;

import java.util.Objects;

/**
 * What a {@link PersonalDataSource} did with a rectification (GDPR Art. 16).
 *
 * @param applied whether the source corrected anything
 * @param records how many records were corrected
 * @param note what was done, or why nothing was; never personal data
 */
public record RectificationResult(boolean applied, int records, String note) {

  public RectificationResult {
    if (records < 0) {
      throw new IllegalArgumentException("records must not be negative, got " + records);
    }
    Objects.requireNonNull(note, "note");
  }

  /** The source corrected {@code records} records. */
  public static RectificationResult applied(int records, String note) {
    return new RectificationResult(true, records, note);
  }

  /** The source holds nothing a rectification can change, and says why. */
  public static RectificationResult notApplicable(String why) {
    return new RectificationResult(false, 0, why);
  }
}
