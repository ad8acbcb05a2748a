package dev.warden.consent.retention;

import java.util.List;

/**
 * What a {@link PersonalDataSource} did with records it was asked to erase.
 *
 * @param erased records erased by this call (records already gone count for nothing, so erasing
 *     twice erases once)
 * @param kept records the source was given but did not erase (changed since they were listed, or
 *     not erasable here); {@link #notes()} says why
 * @param notes why records were kept, for the operator; never personal data
 */
public record ErasureResult(int erased, int kept, List<String> notes) {

  public ErasureResult {
    if (erased < 0 || kept < 0) {
      throw new IllegalArgumentException("erased and kept must not be negative, got " + erased + " and " + kept);
    }
    notes = List.copyOf(notes);
  }

  /** {@code erased} records erased, none kept. */
  public static ErasureResult of(int erased) {
    return new ErasureResult(erased, 0, List.of());
  }
}
