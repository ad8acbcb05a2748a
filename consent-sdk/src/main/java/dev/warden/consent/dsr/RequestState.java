package dev.warden.consent.dsr;

import java.util.Locale;

/** Where a data-subject request stands. */
public enum RequestState {
  /** Submitted; the subject's identity is not yet confirmed. */
  RECEIVED,
  /** The host confirmed the subject's identity (GDPR Art. 12(6)). */
  VERIFIED,
  /** Being carried out across the sources; some may have failed and wait for a retry. */
  IN_PROGRESS,
  /** The deadline was extended for a complex request, with the reason (GDPR Art. 12(3)). */
  EXTENDED,
  /** Carried out in every source. */
  COMPLETED,
  /** Refused, with the reason given to the subject (GDPR Art. 12(4)). */
  REFUSED;

  /** Whether the request is finished. */
  public boolean terminal() {
    return this == COMPLETED || this == REFUSED;
  }

  /** The name in JSON: {@code received}, {@code in-progress}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static RequestState parse(String id) {
    for (RequestState s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown request state '" + id + "'");
  }
}
