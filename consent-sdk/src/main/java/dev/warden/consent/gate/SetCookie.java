package dev.warden.consent.gate;

import dev.warden.consent.cookie.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed {@code Set-Cookie} header (RFC 6265 section 5.2). Attributes that a browser would
 * ignore (an unparseable {@code Expires}, a {@code Path} not starting with {@code /}, an empty
 * {@code Domain}) are absent; unknown attributes are kept in {@code extensions}.
 *
 * @param name the cookie name
 * @param value the cookie value, without surrounding double quotes removed (as browsers keep them)
 * @param domain the {@code Domain} attribute, lower-case, without a leading dot
 * @param path the {@code Path} attribute
 * @param expires the {@code Expires} attribute
 * @param maxAge the {@code Max-Age} attribute in seconds (may be zero or negative: delete)
 * @param secure the {@code Secure} attribute
 * @param httpOnly the {@code HttpOnly} attribute
 * @param sameSite the {@code SameSite} attribute
 * @param partitioned the {@code Partitioned} attribute (CHIPS)
 * @param extensions other attributes, as written
 * @param header the header as received
 */
public record SetCookie(
    String name, String value, Optional<String> domain, Optional<String> path, Optional<Instant> expires,
    Optional<Long> maxAge, boolean secure, boolean httpOnly, SameSite sameSite, boolean partitioned,
    List<String> extensions, String header) {

  public SetCookie {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(sameSite, "sameSite");
    extensions = List.copyOf(extensions);
    Objects.requireNonNull(header, "header");
  }

  /**
   * Parses a {@code Set-Cookie} header value (without the {@code Set-Cookie:} field name).
   *
   * @throws CookieHeaderException if the header is longer than {@link CookieHeaders#MAX_SET_COOKIE},
   *     holds a control character (CR and LF included), or has no {@code name=} before its first
   *     {@code ;}
   */
  public static SetCookie parse(String header) {
    return SetCookieParser.parse(header).toSetCookie();
  }

  /**
   * How long the cookie lives from {@code now}: empty for a session cookie; zero when the header
   * deletes the cookie. {@code Max-Age} wins over {@code Expires}, as in browsers.
   */
  public Optional<Duration> lifetime(Instant now) {
    if (maxAge.isPresent()) {
      return Optional.of(Duration.ofSeconds(Math.max(0, maxAge.get())));
    }
    return expires.map(e -> e.isAfter(now) ? Duration.between(now, e) : Duration.ZERO);
  }

  /**
   * {@link #lifetime} in whole seconds rounded up, without allocating: -1 for a session cookie, 0
   * when the header deletes the cookie. Rounding up keeps comparisons with whole-second limits
   * exact.
   */
  long lifetimeCeilSeconds(Instant now) {
    if (maxAge.isPresent()) {
      return Math.max(0, maxAge.get());
    }
    if (expires.isEmpty()) {
      return -1;
    }
    Instant e = expires.get();
    if (!e.isAfter(now)) {
      return 0;
    }
    // With fewer nanoseconds at e than at now, the difference is (s - 1) seconds and a fraction,
    // which rounds up to s; with more, it is s and a fraction, which rounds up to s + 1.
    long s = e.getEpochSecond() - now.getEpochSecond();
    return e.getNano() > now.getNano() ? s + 1 : s;
  }

  /** Whether the header removes the cookie (a {@code Max-Age} of 0 or less, or an {@code Expires} in the past). */
  public boolean deletes(Instant now) {
    return lifetime(now).map(Duration::isZero).orElse(false);
  }

  /**
   * Why a browser would refuse this cookie's name prefix, or null: {@code __Secure-} needs
   * {@code Secure}; {@code __Host-} needs {@code Secure}, {@code Path=/} and no {@code Domain}.
   */
  public String prefixProblem() {
    if (startsWithIgnoreCase(name, "__Host-")) {
      if (!secure || domain.isPresent() || !path.equals(Optional.of("/"))) {
        return "a __Host- cookie needs Secure, Path=/ and no Domain";
      }
    } else if (startsWithIgnoreCase(name, "__Secure-") && !secure) {
      return "a __Secure- cookie needs Secure";
    }
    return null;
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** This cookie with a new lifetime: {@code Max-Age} set, {@code Expires} dropped; null makes it a session cookie. */
  public SetCookie withLifetime(Duration lifetime) {
    Optional<Long> age = lifetime == null ? Optional.empty() : Optional.of(lifetime.getSeconds());
    return new SetCookie(name, value, domain, path, Optional.empty(), age, secure, httpOnly, sameSite,
        partitioned, extensions, render(name, value, Optional.empty(), age, domain, path, secure, httpOnly, sameSite,
            partitioned, extensions, header.length()));
  }

  /** The header text for these attributes, in a canonical order. */
  public String render() {
    return render(name, value, expires, maxAge, domain, path, secure, httpOnly, sameSite, partitioned, extensions,
        header.length());
  }

  private static String render(String name, String value, Optional<Instant> expires, Optional<Long> maxAge,
      Optional<String> domain, Optional<String> path, boolean secure, boolean httpOnly, SameSite sameSite,
      boolean partitioned, List<String> extensions, int sizeHint) {
    StringBuilder sb = new StringBuilder(sizeHint + 16);
    sb.append(name).append('=').append(value);
    expires.ifPresent(e -> sb.append("; Expires=").append(CookieDates.format(e)));
    maxAge.ifPresent(m -> sb.append("; Max-Age=").append(m));
    renderAttributes(sb, domain.orElse(null), path.orElse(null), secure, httpOnly, sameSite, partitioned, extensions);
    return sb.toString();
  }

  /** The attributes after {@code Expires} and {@code Max-Age}, in the canonical order; null: absent. */
  static void renderAttributes(StringBuilder sb, String domain, String path, boolean secure, boolean httpOnly,
      SameSite sameSite, boolean partitioned, List<String> extensions) {
    if (domain != null) {
      sb.append("; Domain=").append(domain);
    }
    if (path != null) {
      sb.append("; Path=").append(path);
    }
    if (secure) {
      sb.append("; Secure");
    }
    if (httpOnly) {
      sb.append("; HttpOnly");
    }
    switch (sameSite) {
      case STRICT -> sb.append("; SameSite=Strict");
      case LAX -> sb.append("; SameSite=Lax");
      case NONE -> sb.append("; SameSite=None");
      case UNSPECIFIED -> { }
    }
    if (partitioned) {
      sb.append("; Partitioned");
    }
    for (String x : extensions) {
      sb.append("; ").append(x);
    }
  }
}
