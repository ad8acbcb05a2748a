package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One cookie a catalog knows.
 *
 * @param name the cookie name, name prefix or regular expression
 * @param match how {@code name} is compared with a cookie's name
 * @param cookieClass what the cookie is for
 * @param vendor who sets it (a framework, a CDN, an analytics or ad vendor)
 * @param domains domains the vendor sets it on, without leading dots; empty when it is set on the
 *     site's own domain or unknown. A match on the cookie's domain is preferred, not required.
 * @param lifetime how long the vendor's cookie lives: {@link Duration#ZERO} for a session cookie,
 *     empty when unknown
 * @param thirdParty whether the vendor sets it on its own domain rather than the site's
 * @param sourceCategory the category as the catalog wrote it (for an Open Cookie Database row, its
 *     own label, which may differ from {@code cookieClass}: see docs/cookie-classification.md)
 */
public record CatalogEntry(
    String name, CookieMatch match, CookieClass cookieClass, String vendor, List<String> domains,
    Optional<Duration> lifetime, boolean thirdParty, String sourceCategory) {

  public CatalogEntry {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("catalog entry name must not be empty");
    }
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(cookieClass, "cookieClass");
    Objects.requireNonNull(vendor, "vendor");
    domains = List.copyOf(domains);
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(sourceCategory, "sourceCategory");
    if (match == CookieMatch.PATTERN) {
      try {
        Pattern.compile(name);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("catalog entry pattern is not a regular expression: '" + name
            + "' (" + e.getDescription() + ")", e);
      }
    }
  }

  /** An entry with only a name, a match kind, a class and a vendor. */
  public static CatalogEntry of(String name, CookieMatch match, CookieClass cookieClass, String vendor) {
    return new CatalogEntry(name, match, cookieClass, vendor, List.of(), Optional.empty(), false,
        cookieClass.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** How the entry reads in an explanation: {@code exact _ga (Google Analytics)}. */
  public String describe() {
    return match.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " (" + vendor + ")";
  }
}
