package dev.warden.consent.gate;

import dev.warden.consent.cookie.SameSite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 6265 section 5.2 parsing of a {@code Set-Cookie} header: lenient about attributes (as
 * browsers are), strict about what could smuggle a header (control characters, CR, LF) and about
 * size.
 */
final class SetCookieParser {

  private SetCookieParser() {}

  static SetCookie parse(String header) {
    if (header == null) {
      throw new CookieHeaderException("Set-Cookie header is null", -1);
    }
    if (header.length() > CookieHeaders.MAX_SET_COOKIE) {
      throw new CookieHeaderException("Set-Cookie header is " + header.length() + " characters, more than the "
          + CookieHeaders.MAX_SET_COOKIE + " allowed", -1);
    }
    CookieHeaders.rejectControls(header, "Set-Cookie");
    int semi = header.indexOf(';');
    int pairEnd = semi < 0 ? header.length() : semi;
    int eq = header.indexOf('=');
    if (eq < 0 || eq > pairEnd) {
      throw new CookieHeaderException("Set-Cookie has no '=' in its name-value pair", 0);
    }
    String name = header.substring(0, eq).strip();
    if (name.isEmpty()) {
      throw new CookieHeaderException("Set-Cookie has an empty cookie name", 0);
    }
    if (name.length() + (pairEnd - eq - 1) > CookieHeaders.MAX_NAME_VALUE) {
      throw new CookieHeaderException("cookie name and value are longer than " + CookieHeaders.MAX_NAME_VALUE
          + " characters together", 0);
    }
    String value = header.substring(eq + 1, pairEnd).strip();

    Optional<String> domain = Optional.empty();
    Optional<String> path = Optional.empty();
    Optional<Instant> expires = Optional.empty();
    Optional<Long> maxAge = Optional.empty();
    boolean secure = false;
    boolean httpOnly = false;
    boolean partitioned = false;
    SameSite sameSite = SameSite.UNSPECIFIED;
    List<String> extensions = new ArrayList<>(0);
    int pos = pairEnd;
    while (pos < header.length()) {
      int next = header.indexOf(';', pos + 1);
      int end = next < 0 ? header.length() : next;
      String av = header.substring(pos + 1, end);
      pos = end;
      int aeq = av.indexOf('=');
      String attr = (aeq < 0 ? av : av.substring(0, aeq)).strip();
      String val = aeq < 0 ? "" : av.substring(aeq + 1).strip();
      if (val.length() > CookieHeaders.MAX_ATTRIBUTE_VALUE) {
        continue; // RFC 6265bis: attributes over 1024 octets are ignored
      }
      switch (attr.toLowerCase(Locale.ROOT)) {
        case "expires" -> {
          Instant t = CookieDates.parse(val);
          if (t != null) {
            expires = Optional.of(t);
          }
        }
        case "max-age" -> {
          Long m = maxAge(val);
          if (m != null) {
            maxAge = Optional.of(m);
          }
        }
        case "domain" -> {
          String d = val.startsWith(".") ? val.substring(1) : val;
          if (!d.isEmpty()) {
            domain = Optional.of(d.toLowerCase(Locale.ROOT));
          }
        }
        case "path" -> path = val.startsWith("/") ? Optional.of(val) : Optional.empty();
        case "secure" -> secure = true;
        case "httponly" -> httpOnly = true;
        case "partitioned" -> partitioned = true;
        case "samesite" -> sameSite = switch (val.toLowerCase(Locale.ROOT)) {
          case "strict" -> SameSite.STRICT;
          case "lax" -> SameSite.LAX;
          case "none" -> SameSite.NONE;
          default -> SameSite.UNSPECIFIED;
        };
        case "" -> { } // empty attribute between two semicolons
        default -> extensions.add(av.strip());
      }
    }
    return new SetCookie(name, value, domain, path, expires, maxAge, secure, httpOnly, sameSite, partitioned,
        extensions, header);
  }

  /** RFC 6265 5.2.2: an optional '-' and digits; null otherwise. Huge values are clamped. */
  private static Long maxAge(String v) {
    if (v.isEmpty()) {
      return null;
    }
    int i = v.charAt(0) == '-' ? 1 : 0;
    if (i == v.length()) {
      return null;
    }
    for (int k = i; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    if (v.length() - i > 12) {
      return i == 1 ? -1L : 400L * 86_400; // browsers cap lifetimes at 400 days
    }
    return Long.parseLong(v);
  }
}
