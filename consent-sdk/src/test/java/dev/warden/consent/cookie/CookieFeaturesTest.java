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
  void entropyIsInBits() {
    assertThat(CookieFeatures.entropy("aaaa")).isEqualTo(0.0);
    assertThat(CookieFeatures.entropy("abcd")).isEqualTo(2.0);
  }
}
