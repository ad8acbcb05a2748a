package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltInCatalogTest {

  private static final CookieCatalog BUILT_IN = CookieCatalog.builtIn();

  @ParameterizedTest(name = "{0} on ''{1}'' is {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      JSESSIONID                          | -                    | NECESSARY
      PHPSESSID                           | -                    | NECESSARY
      laravel_session                     | -                    | NECESSARY
      ASP.NET_SessionId                   | -                    | NECESSARY
      .AspNetCore.Antiforgery.Xyz123      | -                    | NECESSARY
      connect.sid                         | -                    | NECESSARY
      csrftoken                           | -                    | NECESSARY
      sessionid                           | -                    | NECESSARY
      _myshop_session                     | -                    | NECESSARY
      XSRF-TOKEN                          | -                    | NECESSARY
      __cf_bm                             | -                    | NECESSARY
      _abck                               | -                    | NECESSARY
      AWSALB                              | -                    | NECESSARY
      OptanonConsent                      | -                    | NECESSARY
      CookieConsent                       | -                    | NECESSARY
      cc_cookie                           | -                    | NECESSARY
      warden_consent                      | -                    | NECESSARY
      wordpress_logged_in_5c0ffee         | -                    | NECESSARY
      django_language                     | -                    | FUNCTIONAL
      wp-settings-time-1                  | -                    | FUNCTIONAL
      remember-me                         | -                    | FUNCTIONAL
      _ga                                 | -                    | ANALYTICS
      _ga_ABC123XYZ                       | -                    | ANALYTICS
      _gid                                | -                    | ANALYTICS
      _hjSessionUser_1234                 | -                    | ANALYTICS
      _hjAbsoluteSessionInProgress        | -                    | ANALYTICS
      _pk_id.1.1fff                       | -                    | ANALYTICS
      ajs_anonymous_id                    | -                    | ANALYTICS
      _clck                               | -                    | ANALYTICS
      _gcl_au                             | -                    | ADVERTISING
      _fbp                                | -                    | ADVERTISING
      test_cookie                         | .doubleclick.net     | ADVERTISING
      IDE                                 | .doubleclick.net     | ADVERTISING
      VISITOR_INFO1_LIVE                  | .youtube.com         | ADVERTISING
      YSC                                 | .youtube.com         | ADVERTISING
      vuid                                | .vimeo.com           | ADVERTISING
      bcookie                             | .linkedin.com        | ADVERTISING
      MUID                                | .bing.com            | ADVERTISING
      _uetvid                             | -                    | ADVERTISING
      cto_bundle                          | -                    | ADVERTISING
      """)
  void classifiesByPurpose(String name, String domain, CookieClass expected) {
    Cookie c = Cookie.builder(name).domain(domain == null ? "" : domain).build();
    assertThat(BUILT_IN.find(c)).as(name).hasValueSatisfying(e -> assertThat(e.cookieClass()).isEqualTo(expected));
  }

  @Test
  void anAdNetworksCookieTestCookieIsAdvertisingNotNecessary() {
    CatalogEntry e = BUILT_IN.find(Cookie.builder("test_cookie").domain(".doubleclick.net").build()).orElseThrow();
    assertThat(e.cookieClass()).isEqualTo(CookieClass.ADVERTISING);
    assertThat(e.vendor()).contains("DoubleClick");
  }

  @Test
  void aVendorCookieOnItsOwnDomainDoesNotMatchTheSameNameOnTheSite() {
    // Google's SID lives on google.com; a site's own SID is not Google advertising.
    assertThat(BUILT_IN.find(Cookie.builder("SID").domain(".google.com").build()))
        .hasValueSatisfying(e -> assertThat(e.cookieClass()).isEqualTo(CookieClass.ADVERTISING));
    assertThat(BUILT_IN.find(Cookie.builder("SID").domain("shop.example.com").build()))
        .isNotPresent();
  }

  @Test
  void exactNamesWinOverPrefixesAndPrefixesOverPatterns() {
    assertThat(BUILT_IN.match("mtm_consent", "").entry().cookieClass()).isEqualTo(CookieClass.NECESSARY);
    assertThat(BUILT_IN.match("mtm_cookie_consent", "").by()).isEqualTo(CookieMatch.EXACT);
    assertThat(BUILT_IN.match("mtm_other", "").by()).isEqualTo(CookieMatch.PREFIX);
    assertThat(BUILT_IN.match("_shop_session", "").by()).isEqualTo(CookieMatch.PATTERN);
  }

  @Test
  void aCaseInsensitiveMatchIsUsedOnlyWhenNoCaseSensitiveOneExists() {
    CookieCatalog.Match m = BUILT_IN.match("phpsessid", "");
    assertThat(m.exactCase()).isFalse();
    assertThat(m.entry().name()).isEqualTo("PHPSESSID");
  }

  @Test
  void noNameHasTwoClassesUnlessTheirDomainsTellThemApart() {
    Map<String, List<CatalogEntry>> byName = new HashMap<>();
    for (CatalogEntry e : BUILT_IN.entries()) {
      byName.computeIfAbsent(e.match() + ":" + e.name(), k -> new java.util.ArrayList<>()).add(e);
    }
    for (Map.Entry<String, List<CatalogEntry>> e : byName.entrySet()) {
      List<CatalogEntry> general = e.getValue().stream().filter(x -> !x.thirdParty() || x.domains().isEmpty()).toList();
      assertThat(general.stream().map(CatalogEntry::cookieClass).distinct())
          .as("classes of %s without a domain restriction", e.getKey()).hasSizeLessThanOrEqualTo(1);
    }
  }

  @Test
  void theCatalogCoversEveryFrameworkFamilyTheIssueNames() {
    assertThat(BUILT_IN.size()).isGreaterThan(800);
    assertThat(BUILT_IN.entries().stream().map(CatalogEntry::vendor).distinct())
        .anyMatch(v -> v.contains("Java")).anyMatch(v -> v.contains("PHP")).anyMatch(v -> v.contains("ASP.NET"))
        .anyMatch(v -> v.contains("Express")).anyMatch(v -> v.contains("Django")).anyMatch(v -> v.contains("Rails"))
        .anyMatch(v -> v.contains("Cloudflare")).anyMatch(v -> v.contains("OneTrust"))
        .anyMatch(v -> v.contains("Google Analytics")).anyMatch(v -> v.contains("Meta"));
  }

  @Test
  void catalogFormatErrorsNameTheLine() {
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader("@ V\nanalytic: _x\n"), "t.txt"))
        .isInstanceOf(CookieCatalogException.class).hasMessage("t.txt:2: unknown class 'analytic' (expected"
            + " necessary, functional, analytics or advertising)");
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader("analytics: _x\n"), "t.txt"))
        .hasMessage("t.txt:1: cookie names before the first '@ vendor' line");
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader("@ V\nanalytics _x\n"), "t.txt"))
        .hasMessageStartingWith("t.txt:2: expected 'class [lifetime] [3p]: names'");
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader("@ V\nanalytics 3q: _x\n"), "t.txt"))
        .hasMessageStartingWith("t.txt:2: '3q' is neither a lifetime");
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader("@ V\nanalytics: /[a/\n"), "t.txt"))
        .hasMessageStartingWith("t.txt:2: catalog entry pattern is not a regular expression: '[a'");
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader("@ V | v.com\nanalytics: *\n"), "t.txt"))
        .hasMessage("t.txt:2: '*' (any other cookie on the vendor's own domains) needs '3p' and a vendor line"
            + " with domains ('@ V | domain ...')");
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader("@ V\nanalytics 3p: *\n"), "t.txt"))
        .hasMessageStartingWith("t.txt:2: '*' (any other cookie on the vendor's own domains) needs '3p'");
    assertThatThrownBy(() -> BuiltInCatalogReader.read(new StringReader(
        "@ A | a.com\nanalytics 3p: *\n@ B | cdn.a.com b.com\nadvertising 3p: *\n"), "t.txt"))
        .hasMessage("t.txt:4: site a.com already has a '*' rule of class analytics (A)");
  }

  @Test
  void siteRulesAreReadBySiteAndAreNotNames() throws Exception {
    BuiltInCatalogReader.Parsed p = BuiltInCatalogReader.readAll(new StringReader(
        "@ Ads | ads.example.net x.example.org\nadvertising 1y 3p: tid *\n@ Stats | stats.io\nanalytics 3p: *\n"),
        "t.txt");
    assertThat(p.entries()).extracting(CatalogEntry::name).containsExactly("tid");
    assertThat(p.siteRules()).containsOnlyKeys("example.net", "example.org", "stats.io");
    assertThat(p.siteRules().get("example.org").cookieClass()).isEqualTo(CookieClass.ADVERTISING);
    assertThat(p.siteRules().get("example.org").vendor()).isEqualTo("Ads");
    assertThat(p.siteRules().get("stats.io").cookieClass()).isEqualTo(CookieClass.ANALYTICS);
  }

  @ParameterizedTest(name = "{0} on ''{1}'' seen on ''{2}'': {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      xyz_unlisted  | .adnxs.com           | news.example        | ADVERTISING
      a9kq          | ib.adnxs.com         | -                   | ADVERTISING
      zz_seg        | .doubleclick.net     | shop.example        | ADVERTISING
      hj_unlisted   | .hotjar.com          | shop.example        | ANALYTICS
      paypal_thing  | .paypal.com          | shop.example        | NECESSARY
      xyz_unlisted  | .adnxs.com           | www.adnxs.com       | -
      xyz_unlisted  | shop.example         | shop.example        | -
      xyz_unlisted  | -                    | shop.example        | -
      """)
  void aCookieAVendorSetsOnItsOwnSiteHasTheVendorsPurposeWhenThirdParty(String name, String domain,
      String site, CookieClass expected) {
    SiteRule r = BUILT_IN.siteRule(domain == null ? "" : Sites.normalize(domain), site == null ? "" : site);
    if (expected == null) {
      assertThat(r).isNull();
    } else {
      assertThat(r).isNotNull();
      assertThat(r.cookieClass()).isEqualTo(expected);
    }
    assertThat(BUILT_IN.match(name, domain == null ? "" : domain)).as("the name is not in the catalog").isNull();
  }
}
