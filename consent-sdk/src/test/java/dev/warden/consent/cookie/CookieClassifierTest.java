package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.SharedData;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.CookieDeclaration;
import dev.warden.policy.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CookieClassifierTest {

  private static CookieClassifier builtIn;

  @BeforeAll
  static void build() {
    builtIn = CookieClassifier.builder().policy(Policy.defaultPolicy()).build();
  }

  @Test
  void theHostsDeclarationComesFirst() {
    Classification c = builtIn.classify(Cookie.named("warden_consent"));
    assertThat(c.source()).isEqualTo(ClassificationSource.POLICY);
    assertThat(c.policyCategory()).contains("consent-notice");
    assertThat(c.label()).isEqualTo(CookieLabel.NECESSARY);
    assertThat(c.confidence()).isEqualTo(1.0);
  }

  @Test
  void aHostCanOverrideTheBuiltInCatalog() {
    CookieCategory f = Policy.defaultPolicy().cookieCategory("functional").orElseThrow();
    List<CookieDeclaration> ds = new ArrayList<>(f.cookies());
    ds.add(CookieDeclaration.exact("_ga"));
    Policy custom = Policy.defaultPolicy().toBuilder().putCookieCategory(new CookieCategory(f.id(), f.cookieClass(),
        f.description(), f.purposes(), f.consentRequired(), f.defaultState(), f.maxLifetime(), f.optOutSignals(), ds))
        .build();
    CookieClassifier cl = CookieClassifier.builder().policy(custom).learnedModel(LearnedModel.NONE).build();
    assertThat(cl.classify(Cookie.named("_ga")).label()).isEqualTo(CookieLabel.FUNCTIONAL);
    assertThat(builtIn.classify(Cookie.named("_ga")).label()).isEqualTo(CookieLabel.ANALYTICS);
    assertThat(builtIn.classify(Cookie.named("_ga")).source()).isEqualTo(ClassificationSource.BUILT_IN);
  }

  @Test
  void theBuiltInCatalogWinsOverALoadedOne() {
    CookieCatalog other = CookieCatalog.of("other", List.of(
        CatalogEntry.of("_ga", dev.warden.policy.CookieMatch.EXACT, dev.warden.policy.CookieClass.FUNCTIONAL, "X"),
        CatalogEntry.of("zz_new", dev.warden.policy.CookieMatch.EXACT, dev.warden.policy.CookieClass.ADVERTISING, "X")));
    CookieClassifier cl = CookieClassifier.builder().addCatalog(other).learnedModel(LearnedModel.NONE).build();
    assertThat(cl.classify(Cookie.named("_ga")).label()).isEqualTo(CookieLabel.ANALYTICS);
    Classification z = cl.classify(Cookie.named("zz_new"));
    assertThat(z.label()).isEqualTo(CookieLabel.ADVERTISING);
    assertThat(z.source()).isEqualTo(ClassificationSource.CATALOG);
    assertThat(z.rule()).isEqualTo("other: exact zz_new (X)");
  }

  @Test
  void anUnknownNameOnAnAdExchangesSiteIsAdvertisingByTheBuiltInSiteRule() {
    CookieClassifier cl = CookieClassifier.builder().learnedModel(LearnedModel.NONE).build();
    Classification c = cl.classify(Cookie.builder("qx_never_seen").domain(".adnxs.com").firstPartySite("news.example").build());
    assertThat(c.label()).isEqualTo(CookieLabel.ADVERTISING);
    assertThat(c.source()).isEqualTo(ClassificationSource.BUILT_IN);
    assertThat(c.confidence()).isEqualTo(CookieClassifier.SITE_RULE_CONFIDENCE);
    assertThat(c.rule()).startsWith("built-in: any advertising cookie on adnxs.com (");
    // A name the catalog knows still decides by name; the site rule is not used on the vendor's own pages.
    assertThat(cl.classify(Cookie.builder("li_gc").domain(".linkedin.com").firstPartySite("news.example").build())
        .label()).isEqualTo(CookieLabel.NECESSARY);
    assertThat(cl.classify(Cookie.builder("qx_never_seen").domain(".adnxs.com").firstPartySite("adnxs.com").build())
        .label()).isEqualTo(CookieLabel.UNKNOWN);
    // A loaded catalog's name comes after the built-in catalog's site rule.
    CookieCatalog other = CookieCatalog.of("other", List.of(CatalogEntry.of("qx_never_seen",
        dev.warden.policy.CookieMatch.EXACT, dev.warden.policy.CookieClass.FUNCTIONAL, "X")));
    CookieClassifier withOther = cl.toBuilder().addCatalog(other).build();
    assertThat(withOther.classify(Cookie.builder("qx_never_seen").domain(".adnxs.com").firstPartySite("news.example")
        .build()).label()).isEqualTo(CookieLabel.ADVERTISING);
    assertThat(withOther.classify(Cookie.builder("qx_never_seen").domain("news.example").firstPartySite("news.example")
        .build()).label()).isEqualTo(CookieLabel.FUNCTIONAL);
  }

  @Test
  void withoutAModelAnUnknownNameIsUnknown() {
    CookieClassifier cl = CookieClassifier.builder().learnedModel(LearnedModel.NONE).build();
    Classification c = cl.classify(Cookie.named("qx_never_seen"));
    assertThat(c.label()).isEqualTo(CookieLabel.UNKNOWN);
    assertThat(c.source()).isEqualTo(ClassificationSource.NONE);
  }

  @Test
  void theLearnedModelClassifiesNamesNoCatalogKnows() {
    CookieClassifier cl = CookieClassifier.builder()
        .addCatalog(CookieCatalog.openCookieDatabase(SharedData.require("cookies/open-cookie-database.csv")))
        .build();
    Classification session = cl.classify(Cookie.named("acme_portal_session"));
    assertThat(session.source()).isEqualTo(ClassificationSource.MODEL);
    assertThat(session.label()).isEqualTo(CookieLabel.NECESSARY);
    Classification lang = cl.classify(Cookie.builder("acme_user_language").lifetime(Duration.ofDays(365)).build());
    assertThat(lang.label()).isEqualTo(CookieLabel.FUNCTIONAL);
    assertThat(cl.modelExamples()).isGreaterThan(2000);
  }

  @Test
  void belowTheConfidenceThresholdTheModelSaysUnknown() {
    CookieClassifier strict = builtIn.toBuilder().minModelConfidence(1.0).build();
    Classification c = strict.classify(Cookie.named("qx_never_seen"));
    assertThat(c.label()).isEqualTo(CookieLabel.UNKNOWN);
    assertThat(c.rule()).contains("below 1.0");
  }

  @Test
  void builderRejectsAnImpossibleThreshold() {
    assertThatThrownBy(() -> CookieClassifier.builder().minModelConfidence(1.7))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("minModelConfidence must be in [0,1], got 1.7");
  }

  @Test
  void randomCookiesNeverBreakTheClassifierAndGetTheSameAnswerTwice() {
    Random rnd = new Random(20261130L);
    String alphabet = "abcXYZ019_-.:$%\u00e9\u4e2d\u0000\n \t=;\"";
    for (int i = 0; i < 2000; i++) {
      StringBuilder name = new StringBuilder();
      int len = rnd.nextInt(i % 50 == 0 ? 400 : 24);
      for (int k = 0; k < len; k++) {
        name.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      Cookie c = Cookie.builder(name.toString()).value(Long.toHexString(rnd.nextLong()))
          .domain(rnd.nextBoolean() ? "" : "t" + rnd.nextInt(5) + ".example")
          .lifetime(rnd.nextBoolean() ? null : Duration.ofSeconds(rnd.nextInt(100_000_000)))
          .firstPartySite("example.com").build();
      Classification a = builtIn.classify(c);
      assertThat(a.confidence()).isBetween(0.0, 1.0);
      assertThat(builtIn.classify(c)).isEqualTo(a);
      assertThat(a.policyCategory().isPresent()).isEqualTo(a.source() == ClassificationSource.POLICY);
    }
  }

  @Test
  void thirdPartyIsDecidedBySite() {
    assertThat(Cookie.builder("x").domain(".doubleclick.net").firstPartySite("shop.example.com").build().thirdParty())
        .isTrue();
    assertThat(Cookie.builder("x").domain(".example.com").firstPartySite("www.example.com").build().thirdParty())
        .isFalse();
    assertThat(Cookie.siteOf("a.b.example.co.uk")).isEqualTo("example.co.uk");
    assertThat(Cookie.named("x").thirdParty()).isFalse();
    assertThat(Optional.of(Cookie.siteOf("localhost"))).contains("localhost");
  }
}
