package dev.warden.consent.dsr;

import java.util.Locale;

/** What a data subject asks for. */
public enum RequestType {
  /** A copy of their data and what is done with it (GDPR Art. 15). */
  ACCESS,
  /** Their data in a machine-readable form to take elsewhere (GDPR Art. 20). */
  EXPORT,
  /** Correction of inaccurate data (GDPR Art. 16). */
  RECTIFICATION,
  /** Erasure of their data, except what the law makes the controller keep (GDPR Art. 17). */
  ERASURE;

  /** The name in JSON and on the command line: {@code access}, {@code export}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type named {@code id}.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static RequestType parse(String id) {
    for (RequestType t : values()) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("request type must be one of access, export, rectification, erasure; got '"
        + id + "'");
  }
}
