package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import java.util.Locale;
import java.util.Optional;

/**
 * What a classifier says a cookie is for: one of the four purpose classes of policy-core's {@link
 * CookieClass}, or {@link #UNKNOWN} when no source is confident enough.
 */
public enum CookieLabel {
  NECESSARY,
  FUNCTIONAL,
  ANALYTICS,
  ADVERTISING,
  /** No catalog knows the cookie and the learned model is not confident. */
  UNKNOWN;

  private static final CookieLabel[] BY_CLASS = {NECESSARY, FUNCTIONAL, ANALYTICS, ADVERTISING};

  /** The label of a purpose class. */
  public static CookieLabel of(CookieClass c) {
    return BY_CLASS[c.ordinal()];
  }

  /** The purpose class, empty for {@link #UNKNOWN}. */
  public Optional<CookieClass> cookieClass() {
    return this == UNKNOWN ? Optional.empty() : Optional.of(CookieClass.values()[ordinal()]);
  }

  /** The lower-case name used in JSON: {@code necessary}, ..., {@code unknown}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@link #id()} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static CookieLabel parse(String id) {
    for (CookieLabel l : values()) {
      if (l.id().equalsIgnoreCase(id)) {
        return l;
      }
    }
    throw new IllegalArgumentException("cookie category must be one of necessary, functional,"
        + " analytics, advertising, unknown; got '" + id + "'");
  }
}
