package dev.warden.consent.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.cookie.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetCookieParserTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void parsesEveryStandardAttribute() {
    SetCookie c = SetCookie.parse("SID=31d4d96e407aad42; Expires=Wed, 09 Jun 2027 10:18:14 GMT; Max-Age=3600;"
        + " Domain=.Example.COM; Path=/app; Secure; HttpOnly; SameSite=Lax; Partitioned; Priority=High");
    assertThat(c.name()).isEqualTo("SID");
    assertThat(c.value()).isEqualTo("31d4d96e407aad42");
    assertThat(c.expires()).contains(Instant.parse("2027-06-09T10:18:14Z"));
    assertThat(c.maxAge()).contains(3600L);
    assertThat(c.domain()).contains("example.com");
    assertThat(c.path()).contains("/app");
    assertThat(c.secure()).isTrue();
    assertThat(c.httpOnly()).isTrue();
    assertThat(c.sameSite()).isEqualTo(SameSite.LAX);
    assertThat(c.partitioned()).isTrue();
    assertThat(c.extensions()).containsExactly("Priority=High");
    assertThat(c.lifetime(NOW)).as("Max-Age wins over Expires").contains(Duration.ofHours(1));
    assertThat(c.prefixProblem()).isNull();
  }

  @ParameterizedTest(name = "Expires={0}")
  @CsvSource(delimiter = '|', textBlock = """
      Sun, 06 Nov 1994 08:49:37 GMT   | 1994-11-06T08:49:37Z
      Sunday, 06-Nov-94 08:49:37 GMT  | 1994-11-06T08:49:37Z
      Sun Nov  6 08:49:37 1994        | 1994-11-06T08:49:37Z
      Thu, 01-Jan-70 00:00:01 GMT     | 1970-01-01T00:00:01Z
      Fri, 31 Dec 2027 23:59:59 GMT   | 2027-12-31T23:59:59Z
      31 dec 27 23:59:59              | 2027-12-31T23:59:59Z
      """)
  void readsDatesTheWayBrowsersDo(String date, String expected) {
    assertThat(SetCookie.parse("a=b; Expires=" + date).expires()).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "Expires={0} is ignored")
  @CsvSource(delimiter = '|', textBlock = """
      tomorrow
      Wed, 31 Feb 2027 10:00:00 GMT
      Wed, 09 Jun 2027 25:00:00 GMT
      Wed, 09 Foo 2027 10:00:00 GMT
      Wed, 09 Jun 1500 10:00:00 GMT
      """)
  void ignoresDatesThatAreNotDates(String date) {
    SetCookie c = SetCookie.parse("a=b; Expires=" + date);
    assertThat(c.expires()).isEmpty();
    assertThat(c.lifetime(NOW)).as("a session cookie").isEmpty();
  }

  @Test
  void ignoresAttributesABrowserIgnores() {
    SetCookie c = SetCookie.parse("a=b; Path=relative; Domain=; Max-Age=12x; SameSite=Sometimes; ;;");
    assertThat(c.path()).isEmpty();
    assertThat(c.domain()).isEmpty();
    assertThat(c.maxAge()).isEmpty();
    assertThat(c.sameSite()).isEqualTo(SameSite.UNSPECIFIED);
    assertThat(c.extensions()).isEmpty();
    assertThat(SetCookie.parse("a=b; Path=" + "/x".repeat(600)).path()).as("over 1024 characters").isEmpty();
  }

  @Test
  void keepsQuotesSpacesAndEqualsInValues() {
    assertThat(SetCookie.parse(" a = \"x=y\" ").value()).isEqualTo("\"x=y\"");
    assertThat(SetCookie.parse("a=").value()).isEmpty();
    assertThat(SetCookie.parse("a=b=c").value()).isEqualTo("b=c");
  }

  @Test
  void lastAttributeWinsAndAttributeNamesIgnoreCase() {
    SetCookie c = SetCookie.parse("a=b; path=/one; PATH=/two; samesite=STRICT; SECURE");
    assertThat(c.path()).contains("/two");
    assertThat(c.sameSite()).isEqualTo(SameSite.STRICT);
    assertThat(c.secure()).isTrue();
  }

  @Test
  void deletionIsAZeroOrNegativeMaxAgeOrAPastExpires() {
    assertThat(SetCookie.parse("a=; Max-Age=0").deletes(NOW)).isTrue();
    assertThat(SetCookie.parse("a=; Max-Age=-5").deletes(NOW)).isTrue();
    assertThat(SetCookie.parse("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT").deletes(NOW)).isTrue();
    assertThat(SetCookie.parse("a=b; Max-Age=99999999999999999999").lifetime(NOW)).contains(Duration.ofDays(400));
    assertThat(SetCookie.parse("a=b").deletes(NOW)).isFalse();
  }

  @Test
  void malformedHeadersAreRefusedWithTheReasonAndWhere() {
    assertThatThrownBy(() -> SetCookie.parse("novalue; Path=/"))
        .isInstanceOf(CookieHeaderException.class).hasMessage("Set-Cookie has no '=' in its name-value pair (at character 0)");
    assertThatThrownBy(() -> SetCookie.parse("a; b=c")).hasMessageStartingWith("Set-Cookie has no '='");
    assertThatThrownBy(() -> SetCookie.parse(" =x")).hasMessageStartingWith("Set-Cookie has an empty cookie name");
    assertThatThrownBy(() -> SetCookie.parse("a=b\r\nSet-Cookie: evil=1"))
        .hasMessage("Set-Cookie header holds control character 0x0D (at character 3)");
    assertThatThrownBy(() -> SetCookie.parse("a=b\nc")).hasMessageContaining("0x0A");
    assertThatThrownBy(() -> SetCookie.parse("a=b\u0000")).hasMessageContaining("0x00");
    assertThatThrownBy(() -> SetCookie.parse("a=b\u007f")).hasMessageContaining("0x7F");
    assertThatThrownBy(() -> SetCookie.parse("a=" + "x".repeat(9000)))
        .hasMessage("Set-Cookie header is 9002 characters, more than the 8192 allowed");
    assertThatThrownBy(() -> SetCookie.parse("a=" + "x".repeat(4100)))
        .hasMessageStartingWith("cookie name and value are longer than 4096");
    assertThatThrownBy(() -> SetCookie.parse(null)).hasMessage("Set-Cookie header is null");
    assertThat(SetCookie.parse("a=b\tc").value()).as("a tab is allowed").isEqualTo("b\tc");
  }

  @Test
  void cookiePrefixesNeedTheirAttributes() {
    assertThat(SetCookie.parse("__Host-id=1; Secure; Path=/").prefixProblem()).isNull();
    assertThat(SetCookie.parse("__Host-id=1; Secure; Path=/; Domain=example.com").prefixProblem())
        .isEqualTo("a __Host- cookie needs Secure, Path=/ and no Domain");
    assertThat(SetCookie.parse("__host-id=1; Path=/").prefixProblem()).isNotNull();
    assertThat(SetCookie.parse("__Secure-id=1").prefixProblem()).isEqualTo("a __Secure- cookie needs Secure");
  }

  @Test
  void renderingWritesCanonicalAttributesAndCuttingALifetimeDropsExpires() {
    SetCookie c = SetCookie.parse("_ga=GA1.1.2.3; expires=Fri, 31 Dec 2027 23:59:59 GMT; path=/; domain=.example.com;"
        + " SameSite=None; Secure");
    assertThat(c.withLifetime(Duration.ofDays(395)).header())
        .isEqualTo("_ga=GA1.1.2.3; Max-Age=34128000; Domain=example.com; Path=/; Secure; SameSite=None");
    assertThat(c.withLifetime(null).header()).isEqualTo("_ga=GA1.1.2.3; Domain=example.com; Path=/; Secure; SameSite=None");
  }

  @Test
  void requestCookieHeadersAreSplitLeniently() {
    assertThat(CookieHeaders.parseCookieHeader("a=1; b = 2;;c; =x; d=")).containsExactly(
        new RequestCookie("a", "1"), new RequestCookie("b", "2"), new RequestCookie("d", ""));
    assertThat(CookieHeaders.parseCookieHeader("")).isEmpty();
    assertThatThrownBy(() -> CookieHeaders.parseCookieHeader("a=1\r\nX: y")).hasMessageContaining("0x0D");
    assertThatThrownBy(() -> CookieHeaders.parseCookieHeader("a=" + "1".repeat(20_000)))
        .hasMessageStartingWith("Cookie header is 20002 characters");
  }

  @Test
  void randomHeadersEitherParseOrAreRefusedButNeverBreakTheParser() {
    Random rnd = new Random(6265L);
    String alphabet = "ab=; ,\"/\\\t\r\n\u0000\u00e9ExpiresMax-AgeDomainPathSecure0123456789-";
    int parsed = 0;
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(i % 100 == 0 ? 10_000 : 60);
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String h = sb.toString();
      try {
        SetCookie c = SetCookie.parse(h);
        parsed++;
        assertThat(c.name()).isNotEmpty().doesNotContain(";", "\r", "\n");
        assertThat(SetCookie.parse(c.render()).name()).isEqualTo(c.name());
      } catch (CookieHeaderException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
      try {
        List<RequestCookie> rc = CookieHeaders.parseCookieHeader(h);
        rc.forEach(r -> assertThat(r.name()).isNotEmpty());
      } catch (CookieHeaderException e) {
        assertThat(Optional.of(e.offset())).isPresent();
      }
    }
    assertThat(parsed).isGreaterThan(100);
  }
}
