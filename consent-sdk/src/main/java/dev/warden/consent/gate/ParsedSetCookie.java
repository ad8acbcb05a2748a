package dev.warden.consent.gate;

import dev.warden.consent.cookie.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code Set-Cookie} header in plain fields: what {@link SetCookieParser} produces and the
 * gate reads. {@link SetCookie} is its public form; the gate uses this one because a response
 * carries many headers, and the record's optional and boxed fields cost an allocation each. The
 * value is kept as a range of the header and copied only when asked for. Filled in by the parser,
 * then not changed.
 */
final class ParsedSetCookie {

  /** An absent {@code Expires} or {@code Max-Age}. */
  static final long ABSENT = Long.MIN_VALUE;

  final String header;
  final String name;
  final int valueStart;
  final int valueEnd;
  /** Lower-case, without a leading dot; null when absent. */
  String domain;
  /** Starts with {@code /}; null when absent. */
  String path;
  /** Epoch seconds, or {@link #ABSENT}. */
  long expires = ABSENT;
  /** Seconds (zero or negative: delete), or {@link #ABSENT}. */
  long maxAge = ABSENT;
  boolean secure;
  boolean httpOnly;
  boolean partitioned;
  SameSite sameSite = SameSite.UNSPECIFIED;
  List<String> extensions = List.of();

  ParsedSetCookie(String header, String name, int valueStart, int valueEnd) {
    this.header = header;
    this.name = name;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
  }

  String value() {
    return header.substring(valueStart, valueEnd);
  }

  /** The public form. */
  SetCookie toSetCookie() {
    return new SetCookie(name, value(), Optional.ofNullable(domain), Optional.ofNullable(path),
        expires == ABSENT ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expires)),
        maxAge == ABSENT ? Optional.empty() : Optional.of(maxAge), secure, httpOnly, sameSite, partitioned,
        extensions, header);
  }

  /** As {@link SetCookie#lifetime}. */
  Optional<Duration> lifetime(Instant now) {
    long s = lifetimeCeilSeconds(now);
    if (s < 0) {
      return Optional.empty();
    }
    if (maxAge != ABSENT || s == 0) {
      return Optional.of(Duration.ofSeconds(s));
    }
    return Optional.of(Duration.between(now, Instant.ofEpochSecond(expires)));
  }

  /**
   * As {@link SetCookie#lifetimeCeilSeconds}: -1 for a session cookie, 0 when the header deletes
   * the cookie. {@code Expires} has whole seconds, so the lifetime rounded up is its distance in
   * seconds from {@code now}'s second.
   */
  long lifetimeCeilSeconds(Instant now) {
    if (maxAge != ABSENT) {
      return Math.max(0, maxAge);
    }
    if (expires == ABSENT) {
      return -1;
    }
    long nowSecond = now.getEpochSecond();
    return expires > nowSecond ? expires - nowSecond : 0;
  }

  /** As {@link SetCookie#prefixProblem}. */
  String prefixProblem() {
    if (name.regionMatches(true, 0, "__Host-", 0, 7)) {
      if (!secure || domain != null || !"/".equals(path)) {
        return "a __Host- cookie needs Secure, Path=/ and no Domain";
      }
    } else if (name.regionMatches(true, 0, "__Secure-", 0, 9) && !secure) {
      return "a __Secure- cookie needs Secure";
    }
    return null;
  }

  /**
   * The header with a new lifetime, as {@link SetCookie#withLifetime}: {@code Max-Age} set,
   * {@code Expires} dropped; null makes it a session cookie.
   */
  String headerWithLifetime(Duration lifetime) {
    StringBuilder sb = new StringBuilder(header.length() + 16);
    sb.append(name).append('=').append(header, valueStart, valueEnd);
    if (lifetime != null) {
      sb.append("; Max-Age=").append(lifetime.getSeconds());
    }
    SetCookie.renderAttributes(sb, domain, path, secure, httpOnly, sameSite, partitioned, extensions);
    return sb.toString();
  }
}
