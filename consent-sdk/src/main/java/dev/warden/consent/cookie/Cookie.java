package dev.warden.consent.cookie;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie as a classifier sees it: what a {@code Set-Cookie} header set, or what a browser held,
 * and the first-party site it was seen on.
 *
 * {@snippet :
 * Cookie c = Cookie.builder("_ga").value("GA1.1.1234567890.1700000000").domain(".example.com")
 *     .lifetime(Duration.ofDays(400)).firstPartySite("example.com").build();
 * }
 *
 * @param name the cookie's name, as sent (case-sensitive)
 * @param value the cookie's value; empty when unknown
 * @param domain the {@code Domain} attribute (leading dot allowed), or the host that set a
 *     host-only cookie; empty when unknown
 * @param path the {@code Path} attribute; empty when unknown
 * @param lifetime how long the cookie lives from when it is set; empty for a session cookie
 * @param secure the {@code Secure} attribute
 * @param httpOnly the {@code HttpOnly} attribute
 * @param sameSite the {@code SameSite} attribute
 * @param firstPartySite the site (host or registrable domain) of the page the cookie was seen on;
 *     empty when unknown
 */
public record Cookie(
    String name, String value, String domain, String path, Optional<Duration> lifetime,
    boolean secure, boolean httpOnly, SameSite sameSite, String firstPartySite) {

  public Cookie {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lifetime, "lifetime");
    lifetime.ifPresent(d -> {
      if (d.isNegative()) {
        throw new IllegalArgumentException("cookie lifetime must not be negative, got " + d);
      }
    });
    Objects.requireNonNull(sameSite, "sameSite");
    Objects.requireNonNull(firstPartySite, "firstPartySite");
  }

  /** A session cookie with only a name. */
  public static Cookie named(String name) {
    return builder(name).build();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Whether the cookie lives past the browser session. */
  public boolean persistent() {
    return lifetime.isPresent();
  }

  /**
   * Whether the cookie's domain belongs to another site than {@link #firstPartySite()}; false when
   * either is unknown.
   */
  public boolean thirdParty() {
    return Sites.thirdParty(domain, firstPartySite);
  }

  /**
   * The approximate registrable domain of a host, without the Public Suffix List: the last two
   * labels, or three under a two-letter country code whose second level is generic
   * ({@code shop.example.co.uk} gives {@code example.co.uk}). Pass the exact site where it matters.
   */
  public static String siteOf(String host) {
    return Sites.siteOf(host);
  }

  /** Builds a {@link Cookie}; every field but the name is optional. */
  public static final class Builder {
    private final String name;
    private String value = "";
    private String domain = "";
    private String path = "";
    private Optional<Duration> lifetime = Optional.empty();
    private boolean secure;
    private boolean httpOnly;
    private SameSite sameSite = SameSite.UNSPECIFIED;
    private String firstPartySite = "";

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder value(String value) {
      this.value = Objects.requireNonNull(value, "value");
      return this;
    }

    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** A persistent cookie living this long; {@code null} for a session cookie. */
    public Builder lifetime(Duration lifetime) {
      if (lifetime != null && lifetime.isNegative()) {
        throw new IllegalArgumentException("cookie lifetime must not be negative, got " + lifetime);
      }
      this.lifetime = Optional.ofNullable(lifetime);
      return this;
    }

    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    public Builder httpOnly(boolean httpOnly) {
      this.httpOnly = httpOnly;
      return this;
    }

    public Builder sameSite(SameSite sameSite) {
      this.sameSite = Objects.requireNonNull(sameSite, "sameSite");
      return this;
    }

    public Builder firstPartySite(String site) {
      this.firstPartySite = Objects.requireNonNull(site, "firstPartySite");
      return this;
    }

    public Cookie build() {
      return new Cookie(name, value, domain, path, lifetime, secure, httpOnly, sameSite, firstPartySite);
    }
  }
}
