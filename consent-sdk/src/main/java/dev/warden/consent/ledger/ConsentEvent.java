package dev.warden.consent.ledger;

import java.util.Locale;

/** What a consent record records (ISO/IEC TS 27560 event types). */
public enum ConsentEvent {
  /** The person's first choice. */
  GIVEN,
  /** A later choice that changes an earlier one. */
  UPDATED,
  /** Consent withdrawn: every category named (or every one that needs consent) denied. */
  WITHDRAWN,
  /** The same choice confirmed again, after expiry or a policy change. */
  RENEWED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}; throws {@link IllegalArgumentException} naming the value. */
  public static ConsentEvent parse(String id) {
    for (ConsentEvent e : values()) {
      if (e.id().equals(id)) {
        return e;
      }
    }
    throw new IllegalArgumentException("consent event must be given, updated, withdrawn or renewed; got '" + id + "'");
  }
}
