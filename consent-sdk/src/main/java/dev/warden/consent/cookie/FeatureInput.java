package dev.warden.consent.cookie;

import java.time.Duration;
import java.util.Optional;

/**
 * What the learned model sees of a cookie or a catalog entry.
 *
 * @param name the cookie name
 * @param value the value, empty when unknown
 * @param domain the cookie's domain, empty when unknown
 * @param lifetimeSeconds 0 for a session cookie, -1 when unknown
 * @param party 1 third party, 0 first party, -1 unknown
 */
record FeatureInput(String name, String value, String domain, long lifetimeSeconds, int party) {

  static FeatureInput of(Cookie c) {
    int party = c.domain().isEmpty() || c.firstPartySite().isEmpty() ? -1 : c.thirdParty() ? 1 : 0;
    long life = c.lifetime().map(Duration::getSeconds).orElse(0L);
    return new FeatureInput(c.name(), c.value(), c.domain(), life, party);
  }

  static FeatureInput of(CatalogEntry e) {
    long life = e.lifetime().map(Duration::getSeconds).orElse(-1L);
    String domain = e.domains().isEmpty() ? "" : e.domains().get(0);
    return new FeatureInput(e.name(), "", domain, life, e.thirdParty() ? 1 : -1);
  }

  static Optional<Duration> lifetime(long seconds) {
    return seconds <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }
}
