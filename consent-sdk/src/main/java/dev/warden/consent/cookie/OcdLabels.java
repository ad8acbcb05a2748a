package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps Open Cookie Database categories to Warden's purpose classes. The database labels by
 * technical role: its "Functional" holds session, CSRF, load-balancing and consent cookies
 * (necessary to Warden), preferences (functional), and tracking ids of ad and analytics vendors
 * (advertising or analytics by the vendor's purpose). The rules, in order, for a "Functional" row:
 * <ol>
 *   <li>it stores a consent choice: necessary (the consent record);
 *   <li>it serves fraud or bot protection, CSRF protection, authentication, load balancing, a
 *       shopping cart or payment: necessary;
 *   <li>its description speaks of ads or of analytics: that purpose;
 *   <li>its vendor is an ad or analytics vendor (at least 3 of its rows, 80% of those the database
 *       did not call Functional and 35% of all, carry that label): that purpose, as the purpose of
 *       the party that sets it (a session-recording tool's "session in progress" marker);
 *   <li>it keeps a preference (language, locale, currency, theme): functional;
 *   <li>its vendor runs the site's infrastructure (a CDN, bot protection, load balancing, sign-in,
 *       payment) or its consent banner: necessary;
 *   <li>it keeps a session or a token, or its name says so: necessary;
 *   <li>otherwise: functional.
 * </ol>
 * Marketing becomes advertising, Analytics analytics, Security and Necessary necessary,
 * Personalization functional.
 */
final class OcdLabels {

  private static final Pattern CONSENT = Pattern.compile(
      "consent|cookies? (?:preference|choice|setting|banner|notice|law|polic)|cookie categor|opt-in|"
      + "(?:user|visitor)s? (?:has |have )?accepted|"
      + "(?:accepted|declined|dismissed) the cookie|gdpr|opt[- ]?out|do not track|privacy (?:preference|setting|choice)");
  private static final Pattern ADS = Pattern.compile(
      "advert|\\bads?\\b|retarget|remarket|re-target|targeting|targeted|marketing|campaign|conversion|"
      + "affiliate|audience|bidding|\\bbid\\b|ad server|publisher|sync(?:ing|hron)|"
      + "across (?:different )?(?:web)?sites|interest");
  private static final Pattern ANALYTICS = Pattern.compile(
      "analytic|statistic|measure|heatmap|heat map|session recording|record(?:s|ing)? (?:the )?(?:user|visitor)|"
      + "page ?views?|how (?:the )?(?:user|visitor)s? (?:use|interact|navigat)|a/b test|split test|experiment|"
      + "performance data|\\bbehaviou?r");
  /** Purposes strong enough to hold even for an ad or analytics vendor's cookie. */
  private static final Pattern NECESSARY_STRONG = Pattern.compile(
      "fraud|spam|\\bbots?\\b|abuse|attack|ddos|captcha|firewall|forgery|csrf|xsrf|"
      + "authenticat|log(?:ged)?[- ]?in|sign(?:ed)? ?in|\\bsso\\b|single sign|credential|"
      + "load[- ]?balanc|affinity|sticky|server (?:node|instance)|cart|basket|checkout|payment|"
      + "strictly necessary|essential for|sticki|automated traffic|rate limit|\\bwaf\\b");
  private static final Pattern PREFERENCE = Pattern.compile(
      "language (?:preference|setting|choice|version|selection|of)|(?:preferred|selected|chosen|current|display|"
      + "user'?s?|visitor'?s?) (?:language|locale|currency|theme)|\\blocale|currency|dark mode|font size|"
      + "time ?zone|\\bpreferences?\\b");
  /**
   * Vendors whose cookies run the site rather than measure or market it: CDNs, bot protection,
   * load balancers, identity and payment providers, consent managers (written for Warden).
   */
  private static final Set<String> INFRASTRUCTURE = Set.of(
      "cloudflare", "akamai", "akamai botmanager", "amazon web services", "aws", "fastly", "imperva",
      "incapsula", "sucuri", "datadome", "perimeterx", "human", "f5", "f5 big-ip", "citrix", "kasada",
      "queue-it", "google recaptcha", "recaptcha", "hcaptcha", "keycloak", "auth0", "okta", "azure",
      "microsoft azure", "stripe", "paypal", "adyen", "braintree", "klarna", "mollie", "cookieyes",
      "didomi", "consentmanager.net", "onetrust", "cookiebot", "usercentrics", "osano", "termly",
      "iubenda", "trustarc", "quantcast choice", "sourcepoint", "complianz", "borlabs", "cookie script",
      "cookie-script", "privacypillar", "axeptio", "klaro", "tarteaucitron", "cookiefirst", "civic");
  private static final Pattern NECESSARY_WEAK = Pattern.compile(
      "secur|trusted|token|session|rout(?:e|ing)\\b|necessary|required for|technically|"
      + "javascript (?:is )?enabled|cookies (?:are|is) enabled|(?:check|test)s? (?:whether|if) (?:the )?(?:browser|cookies)");
  private static final Pattern NECESSARY_NAME = Pattern.compile(
      "sess|csrf|xsrf|token|auth|login|affinity|balanc|secure");
  private static final int VENDOR_MIN_ROWS = 3;
  private static final double VENDOR_SHARE_OF_LABELLED = 0.8;
  private static final double VENDOR_SHARE_OF_ALL = 0.35;

  private final Map<String, CookieClass> vendorPurpose = new HashMap<>();

  /** Learns each platform's purpose from its rows that the database did not label Functional. */
  OcdLabels(List<Row> rows) {
    Map<String, int[]> counts = new HashMap<>();
    for (Row r : rows) {
      CookieClass c = direct(r.category());
      // slot 4 counts the vendor's Functional rows
      counts.computeIfAbsent(key(r.platform()), k -> new int[5])[c == null ? 4 : c.ordinal()]++;
    }
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] n = e.getValue();
      int labelled = n[0] + n[1] + n[2] + n[3];
      int all = labelled + n[4];
      for (CookieClass c : List.of(CookieClass.ADVERTISING, CookieClass.ANALYTICS)) {
        int k = n[c.ordinal()];
        if (k >= VENDOR_MIN_ROWS && k >= VENDOR_SHARE_OF_LABELLED * labelled && k >= VENDOR_SHARE_OF_ALL * all) {
          vendorPurpose.put(e.getKey(), c);
        }
      }
    }
  }

  /** An Open Cookie Database row, as far as the mapping needs it. */
  record Row(String category, String platform, String name, String description) {}

  private static String key(String platform) {
    return platform.strip().toLowerCase(Locale.ROOT);
  }

  /** The class of a category that needs no rule, or null for Functional (and anything unknown). */
  static CookieClass direct(String category) {
    return switch (category.strip().toLowerCase(Locale.ROOT)) {
      case "marketing", "advertising", "advertisement", "targeting" -> CookieClass.ADVERTISING;
      case "analytics", "statistics", "performance" -> CookieClass.ANALYTICS;
      case "security", "necessary", "strictly necessary", "essential" -> CookieClass.NECESSARY;
      case "personalization", "personalisation", "preferences" -> CookieClass.FUNCTIONAL;
      default -> null;
    };
  }

  /** Whether the category is one the database uses. */
  static boolean known(String category) {
    return direct(category) != null || category.strip().equalsIgnoreCase("functional");
  }

  CookieClass map(Row r) {
    CookieClass c = direct(r.category());
    if (c != null) {
      return c;
    }
    String d = r.description().toLowerCase(Locale.ROOT);
    String n = r.name().toLowerCase(Locale.ROOT);
    if (CONSENT.matcher(d).find()) {
      return CookieClass.NECESSARY;
    }
    if (NECESSARY_STRONG.matcher(d).find()) {
      return CookieClass.NECESSARY;
    }
    if (ADS.matcher(d).find()) {
      return CookieClass.ADVERTISING;
    }
    if (ANALYTICS.matcher(d).find()) {
      return CookieClass.ANALYTICS;
    }
    CookieClass vendor = vendorPurpose.get(key(r.platform()));
    if (vendor != null) {
      return vendor;
    }
    if (PREFERENCE.matcher(d).find()) {
      return CookieClass.FUNCTIONAL;
    }
    if (INFRASTRUCTURE.contains(key(r.platform()))) {
      return CookieClass.NECESSARY;
    }
    if (NECESSARY_WEAK.matcher(d).find() || NECESSARY_NAME.matcher(n).find()) {
      return CookieClass.NECESSARY;
    }
    return CookieClass.FUNCTIONAL;
  }
}
