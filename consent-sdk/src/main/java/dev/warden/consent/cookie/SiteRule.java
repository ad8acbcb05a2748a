package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog rule by site rather than by name: a cookie that a vendor sets on its own site (a
 * third-party cookie in the page, such as any cookie of an ad exchange's domain) has the vendor's
 * purpose whatever its name. The built-in catalog writes it as the name {@code *} under a vendor
 * with domains; names the catalog knows come first.
 *
 * @param site the registrable domain, for example {@code adnxs.com}
 * @param cookieClass the vendor's purpose
 * @param vendor who sets the cookies
 * @param lifetime how long the vendor's cookies usually live, when known
 */
record SiteRule(String site, CookieClass cookieClass, String vendor, Optional<Duration> lifetime) {

  SiteRule {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(cookieClass, "cookieClass");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(lifetime, "lifetime");
  }

  /** How the rule reads in an explanation: {@code any cookie on adnxs.com (Xandr)}. */
  String describe() {
    return "any " + cookieClass.name().toLowerCase(Locale.ROOT) + " cookie on " + site + " (" + vendor + ")";
  }
}
