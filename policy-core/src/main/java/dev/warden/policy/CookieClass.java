package dev.warden.policy;

/**
 * The purpose class of a cookie, as consent law sees it. Classification follows what a cookie is
 * for, not its technical role: an ad network's cookie-test cookie is {@link #ADVERTISING}.
 */
public enum CookieClass {
  /** Authentication, load balancing, CSRF, bot protection, and the consent record itself. */
  NECESSARY,
  /** Preferences: language, currency, theme, time zone, accessibility, remembered login. */
  FUNCTIONAL,
  /** Measurement of use: page views, sessions, session recording. */
  ANALYTICS,
  /** Advertising, retargeting, cross-site tracking, and embedded players' tracking ids. */
  ADVERTISING
}
