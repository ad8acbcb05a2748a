package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieFeaturesTest {

  @Test
  void namesSplitOnSeparatorsCamelCaseAndDigits() {
    assertThat(CookieFeatures.tokens("_hjSessionUser_1234")).containsExactly("hj", "session", "user", "#");
    assertThat(CookieFeatures.tokens("ASP.NET_SessionId")).containsExactly("asp", "net", "session", "id");
    assertThat(CookieFeatures.tokens("XSRF-TOKEN")).containsExactly("xsrf", "token");
    assertThat(CookieFeatures.tokens("AMCVS_ABC123AdobeOrg")).containsExactly("amcvs", "abc", "#", "adobe", "org");
  }

  @Test
  void normalisingFoldsDigitsAndRandomHex() {
    assertThat(CookieFeatures.normalize("_ga_ABC123")).isEqualTo("_ga_abc0");
    assertThat(CookieFeatures.normalize("wordpress_logged_in_5c0ffee1d2e3f4a5")).isEqualTo("wordpress_logged_in_h");
  }

  @Test
  void attributeFeaturesDescribeLifetimePartyAndValueShape() {
    String[] f = CookieFeatures.extract(new FeatureInput("x", "550e8400-e29b-41d4-a716-446655440000",
        "ads.tracker.net", 400L * 86_400, 1));
    assertThat(f).contains("exp=13m", "party=3p", "dom=tracker", "v=uuid", "vlen=long");
    assertThat(CookieFeatures.extract(new FeatureInput("x", "1700000000", "", 0, 0)))
        .contains("exp=session", "party=1p", "v=ts");
    assertThat(CookieFeatures.extract(new FeatureInput("x", "", "", -1, -1)))
        .noneMatch(s -> s.startsWith("exp=") || s.startsWith("party=") || s.startsWith("v"));
  }

  @Test
  void purposeWordsOfTheNameAndOfAThirdPartyDomainBecomeHints() {
    String[] f = CookieFeatures.extract(new FeatureInput("myCookieConsent_lang", "", "px.ads.example.net", -1, 1));
    assertThat(f).contains("h=necessary", "h=functional", "hs=necessary+functional", "dt=px", "dt=ads", "dt=example",
        "dom=example", "hd=advertising", "hasdom");
    assertThat(CookieFeatures.extract(new FeatureInput("zz_q", "", "", -1, -1))).contains("hs=")
        .noneMatch(s -> s.startsWith("h=") || s.startsWith("d"));
  }

  @Test
  void aFirstPartyDomainSaysNothingAboutTheCookie() {
    assertThat(CookieFeatures.extract(new FeatureInput("x", "", "ads.example.com", -1, 0)))
        .contains("party=1p").noneMatch(s -> s.startsWith("d") || s.startsWith("hd=") || s.equals("hasdom"));
  }

  @Test
  void longAndOddInputsAreCutNotRefused() {
    String name = "a".repeat(500) + "\u4e2d\u0000";
    String[] f = CookieFeatures.extract(new FeatureInput(name, "v".repeat(5000), "d".repeat(300) + ".example",
        Long.MAX_VALUE, 1));
    assertThat(f).allMatch(s -> s.length() <= FeatureSink.MAX_FEATURE).contains("exp=long");
  }

  @Test
  void entropyIsInBits() {
    assertThat(ValueFeatures.entropy("aaaa")).isEqualTo(0.0);
    assertThat(ValueFeatures.entropy("abcd")).isEqualTo(2.0);
  }
}
