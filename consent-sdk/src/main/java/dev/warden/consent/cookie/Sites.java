package dev.warden.consent.cookie;

import java.util.Locale;

/**
 * Host and site arithmetic without the Public Suffix List (which Warden does not ship): a site is
 * the last two labels of a host, or three when the second-to-last is a short second-level label
 * under a two-letter country code ({@code example.co.uk}). Hosts that need exact answers pass the
 * registrable domain themselves.
 */
final class Sites {

  private Sites() {}

  /** Lower-cases a domain and drops a leading dot and a trailing dot. */
  static String normalize(String domain) {
    String d = domain.trim();
    if (d.startsWith(".")) {
      d = d.substring(1);
    }
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d.toLowerCase(Locale.ROOT);
  }

  /** The approximate registrable domain of a host. */
  static String siteOf(String host) {
    String h = normalize(host);
    int last = h.lastIndexOf('.');
    if (last <= 0) {
      return h;
    }
    int second = h.lastIndexOf('.', last - 1);
    if (second < 0) {
      return h;
    }
    String tld = h.substring(last + 1);
    String sld = h.substring(second + 1, last);
    if (tld.length() == 2 && isGenericSecondLevel(sld)) {
      int third = h.lastIndexOf('.', second - 1);
      return h.substring(third + 1);
    }
    return h.substring(second + 1);
  }

  private static boolean isGenericSecondLevel(String s) {
    return switch (s) {
      case "co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gob", "nic" -> true;
      default -> false;
    };
  }

  /** Whether a cookie domain belongs to a different site than the first-party site. */
  static boolean thirdParty(String cookieDomain, String firstPartySite) {
    if (cookieDomain.isEmpty() || firstPartySite.isEmpty()) {
      return false;
    }
    return !siteOf(cookieDomain).equals(siteOf(firstPartySite));
  }

  /** The first label of a domain's site, for example {@code doubleclick} for {@code ad.doubleclick.net}. */
  static String siteLabel(String domain) {
    String s = siteOf(domain);
    int dot = s.indexOf('.');
    return dot < 0 ? s : s.substring(0, dot);
  }
}
