package dev.warden.consent.ledger;

import java.util.Locale;

/** How a consent was collected (ISO/IEC TS 27560 "collection method"; Kantara "collectionMethod"). */
public enum CollectionMethod {
  /** The cookie banner shown on a first visit. */
  BANNER,
  /** The privacy or cookie settings page, where a person changes their mind. */
  SETTINGS_PAGE,
  /** The host's own API (an app, a support tool acting on the person's request). */
  API,
  /** The Global Privacy Control signal ({@code Sec-GPC: 1}) recorded as a refusal. */
  GPC_SIGNAL,
  /** The Do Not Track signal, when the host honours it. */
  DNT_SIGNAL,
  /** An IAB TCF TC string from a consent-management platform. */
  TC_STRING,
  /** An IAB Global Privacy Platform string. */
  GPP_STRING,
  /** An IAB US Privacy string. */
  US_PRIVACY_STRING;

  /** The lower-case id used in JSON: {@code banner}, {@code settings-page}, {@code tc-string}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@link #id()}.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static CollectionMethod parse(String id) {
    for (CollectionMethod m : values()) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("collection method must be one of banner, settings-page, api, gpc-signal,"
        + " dnt-signal, tc-string, gpp-string, us-privacy-string; got '" + id + "'");
  }
}
