package dev.warden.consent.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.consent.cookie.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser reads by index over the header's bytes; this checks it against a plain reading of
 * RFC 6265 section 5.2 with string splits, on seeded random headers that mix attribute names in
 * any case, spaces, tabs, non-ASCII characters and surrogate pairs.
 */
class SetCookieReferenceTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00.250Z");
  private static final String[] ATTRIBUTES = {"Expires", "Max-Age", "Domain", "Path", "Secure", "HttpOnly",
      "SameSite", "Partitioned", "Priority", "", "x"};
  private static final String[] VALUES = {"", "/", "/a/b", "a", ".Example.COM", "example.com", "3600", "-1", "0",
      "12x", "Strict", "lax", "NONE", "bogus", "Wed, 09 Jun 2027 10:18:14 GMT", "09-Jun-99 10:18:14",
      "31 Feb 2027 10:00:00", "\u00e9t\u00e9", "\ud83d\ude00", "\u4e2d", "a=b", " padded\t", "99999999999999999"};
  private static final String[] NAME_VALUES = {"sid=abc", " sid = abc ", "\ud83d\ude00=\u00e9", "a=\"q;\"",
      "_ga=GA1.2.3", "x=", "\u4e2d\u6587=\ud83d\ude00\ud83d\ude00", "n\u00e9=v"};

  @Test
  void theIndexedParserAgreesWithAPlainReadingOfTheRfcOnRandomHeaders() {
    Random rnd = new Random(5_2L);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder(NAME_VALUES[rnd.nextInt(NAME_VALUES.length)]);
      for (int k = rnd.nextInt(7); k > 0; k--) {
        sb.append(rnd.nextBoolean() ? "; " : rnd.nextBoolean() ? ";" : ";\t ");
        String a = ATTRIBUTES[rnd.nextInt(ATTRIBUTES.length)];
        sb.append(randomCase(a, rnd));
        if (rnd.nextInt(4) != 0) {
          sb.append(rnd.nextBoolean() ? "=" : " = ").append(VALUES[rnd.nextInt(VALUES.length)]);
        }
        if (rnd.nextInt(5) == 0) {
          sb.append(' ');
        }
      }
      String h = sb.toString();
      SetCookie actual = SetCookie.parse(h);
      assertThat(actual).as("%s", h).isEqualTo(reference(h));
      ParsedSetCookie fast = SetCookieParser.parse(h);
      assertThat(fast.lifetimeCeilSeconds(NOW)).as("%s", h).isEqualTo(actual.lifetimeCeilSeconds(NOW));
      assertThat(fast.lifetime(NOW)).as("%s", h).isEqualTo(actual.lifetime(NOW));
      assertThat(fast.prefixProblem()).as("%s", h).isEqualTo(actual.prefixProblem());
      Duration cut = rnd.nextBoolean() ? null : Duration.ofDays(30);
      assertThat(fast.headerWithLifetime(cut)).as("%s", h).isEqualTo(actual.withLifetime(cut).header());
    }
  }

  private static String randomCase(String s, Random rnd) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return sb.toString();
  }

  private static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
      a++;
    }
    while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
      b--;
    }
    return s.substring(a, b);
  }

  /** RFC 6265 5.2 with splits; attribute values over 1024 characters are ignored (6265bis). */
  private static SetCookie reference(String h) {
    int semi = h.indexOf(';');
    String pair = semi < 0 ? h : h.substring(0, semi);
    int eq = pair.indexOf('=');
    String name = trim(pair.substring(0, eq));
    String value = trim(pair.substring(eq + 1));
    Optional<String> domain = Optional.empty();
    Optional<String> path = Optional.empty();
    Optional<Instant> expires = Optional.empty();
    Optional<Long> maxAge = Optional.empty();
    boolean secure = false;
    boolean httpOnly = false;
    boolean partitioned = false;
    SameSite sameSite = SameSite.UNSPECIFIED;
    List<String> extensions = new ArrayList<>();
    if (semi >= 0) {
      for (String piece : h.substring(semi + 1).split(";", -1)) {
        int e = piece.indexOf('=');
        String attr = trim(e < 0 ? piece : piece.substring(0, e));
        String val = e < 0 ? "" : trim(piece.substring(e + 1));
        if (val.length() > CookieHeaders.MAX_ATTRIBUTE_VALUE) {
          continue;
        }
        switch (attr.toLowerCase(Locale.ROOT)) {
          case "" -> { }
          case "secure" -> secure = true;
          case "httponly" -> httpOnly = true;
          case "partitioned" -> partitioned = true;
          case "path" -> path = val.startsWith("/") ? Optional.of(val) : Optional.empty();
          case "domain" -> {
            String d = val.startsWith(".") ? val.substring(1) : val;
            if (!d.isEmpty()) {
              domain = Optional.of(d.toLowerCase(Locale.ROOT));
            }
          }
          case "max-age" -> {
            if (val.matches("-?[0-9]+")) {
              boolean neg = val.startsWith("-");
              String digits = neg ? val.substring(1) : val;
              java.math.BigInteger v = new java.math.BigInteger(digits);
              boolean huge = v.compareTo(java.math.BigInteger.valueOf(1_000_000_000_000L)) >= 0;
              maxAge = Optional.of(huge ? (neg ? -1L : 400L * 86_400) : neg ? -v.longValue() : v.longValue());
            }
          }
          case "expires" -> {
            Instant t = CookieDates.parse(val);
            if (t != null) {
              expires = Optional.of(t);
            }
          }
          case "samesite" -> sameSite = switch (val.toLowerCase(Locale.ROOT)) {
            case "strict" -> SameSite.STRICT;
            case "lax" -> SameSite.LAX;
            case "none" -> SameSite.NONE;
            default -> SameSite.UNSPECIFIED;
          };
          default -> extensions.add(trim(piece));
        }
      }
    }
    return new SetCookie(name, value, domain, path, expires, maxAge, secure, httpOnly, sameSite, partitioned,
        extensions, h);
  }
}
