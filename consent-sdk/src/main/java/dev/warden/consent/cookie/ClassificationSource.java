package dev.warden.consent.cookie;

import java.util.Locale;

/** Which source decided a classification, in the order the classifier asks them. */
public enum ClassificationSource {
  /** A cookie the host declared in its policy's cookie categories. */
  POLICY,
  /** The catalog written by this project and shipped in the jar. */
  BUILT_IN,
  /** A catalog the host loaded, for example an Open Cookie Database CSV file. */
  CATALOG,
  /** The learned model trained from the loaded catalogs when the classifier was built. */
  MODEL,
  /** Nothing knew the cookie and the model was not confident: the label is unknown. */
  NONE;

  /** The lower-case name used in JSON: {@code policy}, {@code built-in}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
