package dev.warden.consent.signal;

import dev.warden.policy.CookieClass;
import java.util.Locale;

/** The seven consent types of Google Consent Mode v2, in the order Google documents them. */
public enum ConsentType {
  /** Storage (cookies) for advertising. */
  AD_STORAGE(CookieClass.ADVERTISING),
  /** Sending user data to Google for advertising. */
  AD_USER_DATA(CookieClass.ADVERTISING),
  /** Personalised advertising (remarketing). */
  AD_PERSONALIZATION(CookieClass.ADVERTISING),
  /** Storage for analytics, such as visit duration. */
  ANALYTICS_STORAGE(CookieClass.ANALYTICS),
  /** Storage for the site's functions, such as language. */
  FUNCTIONALITY_STORAGE(CookieClass.FUNCTIONAL),
  /** Storage for personalisation, such as video recommendations. */
  PERSONALIZATION_STORAGE(CookieClass.FUNCTIONAL),
  /** Storage for security: authentication, fraud prevention. */
  SECURITY_STORAGE(CookieClass.NECESSARY);

  private final CookieClass cookieClass;

  ConsentType(CookieClass cookieClass) {
    this.cookieClass = cookieClass;
  }

  /** The cookie purpose class whose consent decides this type. */
  public CookieClass cookieClass() {
    return cookieClass;
  }

  /** The key in a {@code gtag('consent', ...)} call, for example {@code ad_storage}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
