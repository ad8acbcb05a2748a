package dev.warden.consent.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.ConsentState;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.gate.CookieVerdict.Outcome;
import dev.warden.policy.OptOutSignal;
import dev.warden.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CookieGateTest {

  private static final Policy POLICY = Policy.defaultPolicy();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static CookieGate gate;

  @BeforeAll
  static void build() {
    gate = CookieGate.builder().policy(POLICY).clock(CLOCK)
        .classifier(CookieClassifier.builder().policy(POLICY).build()).site("example.com").build();
  }

  private static final GateRequest REQUEST = GateRequest.https("www.example.com", "/");

  private static CookieVerdict only(GateDecision d) {
    assertThat(d.verdicts()).hasSize(1);
    return d.verdicts().get(0);
  }

  @Test
  void withoutConsentNecessaryCookiesGoOutAndAnalyticsAndAdsDoNot() {
    GateDecision d = gate.filter(REQUEST, List.of(
        "PHPSESSID=abc; Path=/; HttpOnly; Secure",
        "_ga=GA1.1.123.456; Max-Age=34560000; Domain=.example.com; Path=/",
        "_fbp=fb.1.2.3; Max-Age=7776000; Path=/",
        "warden_consent=v1; Max-Age=31536000; Path=/"), ConsentState.defaults(POLICY));
    assertThat(d.allowed()).containsExactly("PHPSESSID=abc; Path=/; HttpOnly; Secure",
        "warden_consent=v1; Max-Age=31536000; Path=/");
    assertThat(d.dropped()).extracting(CookieVerdict::name, CookieVerdict::category, CookieVerdict::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("_ga", java.util.Optional.of("analytics"),
                "category 'analytics' needs consent and none was given"),
            org.assertj.core.groups.Tuple.tuple("_fbp", java.util.Optional.of("advertising"),
                "category 'advertising' needs consent and none was given"));
    assertThat(d.verdicts().get(3).category()).contains("consent-notice");
  }

  @Test
  void grantedCookiesGoOutWithLifetimesCutToTheCategoryMaximum() {
    ConsentState granted = ConsentState.of(POLICY, Map.of("analytics", true));
    CookieVerdict v = only(gate.filter(REQUEST, List.of("_ga=GA1.1.123.456; Max-Age=63072000; Path=/"), granted));
    assertThat(v.outcome()).isEqualTo(Outcome.REWRITTEN);
    // P13M = 13/12 of 365.2425 days = 396 days.
    assertThat(v.header()).contains("_ga=GA1.1.123.456; Max-Age=34214400; Path=/");
    assertThat(v.reason()).isEqualTo("lifetime cut to the P13M maximum of category 'analytics'");
    CookieVerdict ok = only(gate.filter(REQUEST, List.of("_ga=x; Max-Age=86400"), granted));
    assertThat(ok.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(ok.header()).contains("_ga=x; Max-Age=86400");
  }

  @Test
  void aPersistentCookieInASessionOnlyCategoryBecomesASessionCookie() {
    CookieVerdict v = only(gate.filter(REQUEST,
        List.of("PHPSESSID=abc; Expires=Wed, 01 Mar 2028 12:00:00 GMT; Path=/"), ConsentState.defaults(POLICY)));
    // necessary is session-only; consent-notice admits a year, not two
    assertThat(v.outcome()).isEqualTo(Outcome.REWRITTEN);
    assertThat(v.header()).contains("PHPSESSID=abc; Path=/");
    assertThat(v.reason()).isEqualTo("category 'necessary' allows session cookies only: made a session cookie");
  }

  @Test
  void globalPrivacyControlDeniesAdvertisingEvenWhenGranted() {
    ConsentState all = ConsentState.allGranted(POLICY);
    assertThat(only(gate.filter(REQUEST, List.of("_fbp=fb.1.2.3; Path=/"), all)).outcome()).isEqualTo(Outcome.ALLOWED);
    CookieVerdict v = only(gate.filter(REQUEST, List.of("_fbp=fb.1.2.3; Path=/"), all.withSignals(Set.of(OptOutSignal.GPC))));
    assertThat(v.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(v.reason()).isEqualTo("denied by the Global Privacy Control signal");
    assertThat(only(gate.filter(REQUEST, List.of("_ga=1; Path=/"), all.withSignals(Set.of(OptOutSignal.GPC))))
        .outcome()).as("GPC is about sale and sharing, not analytics").isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void malformedRefusedAndUnknownCookiesAreDroppedWithTheReason() {
    CookieGate noModel = CookieGate.builder().policy(POLICY).clock(CLOCK).classifier(
        CookieClassifier.builder().policy(POLICY).learnedModel(dev.warden.consent.cookie.LearnedModel.NONE).build())
        .build();
    GateDecision d = noModel.filter(REQUEST, List.of(
        "broken",
        "a=b\r\nSet-Cookie: injected=1",
        "__Host-id=1; Path=/",
        "sid=1; Domain=other.org",
        "zq_xx_9=1"), ConsentState.defaults(POLICY));
    assertThat(d.allowed()).isEmpty();
    assertThat(d.verdicts()).extracting(CookieVerdict::reason).containsExactly(
        "malformed: Set-Cookie has no '=' in its name-value pair (at character 0)",
        "malformed: Set-Cookie header holds control character 0x0D (at character 3)",
        "a browser would refuse it: a __Host- cookie needs Secure, Path=/ and no Domain",
        "a browser would refuse it: Domain=other.org does not cover host www.example.com",
        d.verdicts().get(4).reason());
    assertThat(d.verdicts().get(4).reason()).startsWith("purpose unknown").endsWith("allowed only when every category is granted");
  }

  @Test
  void aLearnedGuessDoesNotCarryAnUnknownCookiePastConsent() {
    CookieGate strict = CookieGate.builder().policy(POLICY).clock(CLOCK).modelConfidenceToAllow(1.0)
        .classifier(CookieClassifier.builder().policy(POLICY).build()).build();
    CookieVerdict v = only(strict.filter(REQUEST, List.of("acme_portal_session=1"), ConsentState.defaults(POLICY)));
    assertThat(v.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(v.classification().orElseThrow().source()).isEqualTo(dev.warden.consent.cookie.ClassificationSource.MODEL);
    assertThat(only(strict.filter(REQUEST, List.of("acme_portal_session=1"), ConsentState.allGranted(POLICY))).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThatThrownBy(() -> CookieGate.builder().modelConfidenceToAllow(-0.1))
        .hasMessage("modelConfidenceToAllow must be in [0,1], got -0.1");
  }

  @Test
  void deletingHeadersAlwaysGoOut() {
    CookieVerdict v = only(gate.filter(REQUEST, List.of("_ga=; Max-Age=0; Path=/"), ConsentState.defaults(POLICY)));
    assertThat(v.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(v.reason()).isEqualTo("deletes the cookie");
  }

  @Test
  void withdrawalExpiresEveryDomainAndPathVariantIncludingTheParentDomain() {
    GateRequest r = GateRequest.https("www.shop.example.com", "/account/settings")
        .withCookies("_ga=GA1.2.3.4; PHPSESSID=abc; lang=en; _fbp=fb.1.2; __Host-prefs=1");
    ConsentState withdrawn = ConsentState.of(POLICY, Map.of("analytics", false, "advertising", false));
    GateDecision d = gate.filter(r, List.of(), withdrawn);
    String epoch = "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=";
    List<String> ga = d.expiring().stream().filter(h -> h.startsWith("_ga=")).toList();
    assertThat(ga).containsExactly(
        "_ga=" + epoch + "/; Secure",
        "_ga=" + epoch + "/; Domain=www.shop.example.com; Secure",
        "_ga=" + epoch + "/; Domain=shop.example.com; Secure",
        "_ga=" + epoch + "/; Domain=example.com; Secure",
        "_ga=" + epoch + "/account; Secure",
        "_ga=" + epoch + "/account; Domain=www.shop.example.com; Secure",
        "_ga=" + epoch + "/account; Domain=shop.example.com; Secure",
        "_ga=" + epoch + "/account; Domain=example.com; Secure",
        "_ga=" + epoch + "/account/settings; Secure",
        "_ga=" + epoch + "/account/settings; Domain=www.shop.example.com; Secure",
        "_ga=" + epoch + "/account/settings; Domain=shop.example.com; Secure",
        "_ga=" + epoch + "/account/settings; Domain=example.com; Secure",
        "_ga=" + epoch + "/; Secure; Partitioned",
        "_ga=" + epoch + "/; Domain=www.shop.example.com; Secure; Partitioned",
        "_ga=" + epoch + "/; Domain=shop.example.com; Secure; Partitioned",
        "_ga=" + epoch + "/; Domain=example.com; Secure; Partitioned",
        "_ga=" + epoch + "/account; Secure; Partitioned",
        "_ga=" + epoch + "/account; Domain=www.shop.example.com; Secure; Partitioned",
        "_ga=" + epoch + "/account; Domain=shop.example.com; Secure; Partitioned",
        "_ga=" + epoch + "/account; Domain=example.com; Secure; Partitioned",
        "_ga=" + epoch + "/account/settings; Secure; Partitioned",
        "_ga=" + epoch + "/account/settings; Domain=www.shop.example.com; Secure; Partitioned",
        "_ga=" + epoch + "/account/settings; Domain=shop.example.com; Secure; Partitioned",
        "_ga=" + epoch + "/account/settings; Domain=example.com; Secure; Partitioned");
    assertThat(d.expiring()).filteredOn(h -> h.startsWith("_fbp=")).hasSize(24);
    assertThat(d.expiring()).noneMatch(h -> h.startsWith("PHPSESSID=") || h.startsWith("lang="));
    assertThat(d.headers()).hasSize(48);
  }

  @Test
  void partitionedCookiesAreExpiredByPartitionedTwinsOverHttpsOnly() {
    GateRequest https = GateRequest.https("example.com", "/").withCookies("_ga=1");
    String epoch = "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
    assertThat(gate.withdrawal(https, Set.of("analytics"))).containsExactly(
        "_ga=" + epoch + "; Secure", "_ga=" + epoch + "; Domain=example.com; Secure",
        "_ga=" + epoch + "; Secure; Partitioned", "_ga=" + epoch + "; Domain=example.com; Secure; Partitioned");
    GateRequest http = new GateRequest("example.com", "/", false, "_ga=1");
    assertThat(gate.withdrawal(http, Set.of("analytics"))).as("Partitioned needs Secure, which needs HTTPS")
        .containsExactly("_ga=" + epoch, "_ga=" + epoch + "; Domain=example.com");
    CookieGate plain = CookieGate.builder().policy(POLICY).partitionedDeletions(false).build();
    assertThat(plain.withdrawal(https, Set.of("analytics"))).noneMatch(h -> h.contains("Partitioned")).hasSize(2);
    assertThat(DeletionVariants.headers("__Host-x", GateRequest.https("a.example.com", "/p"), "example.com"))
        .containsExactly("__Host-x=" + epoch + "; Secure", "__Host-x=" + epoch + "; Secure; Partitioned");
  }

  @Test
  void withdrawingOneCategoryExpiresOnlyItsCookies() {
    GateRequest r = GateRequest.https("example.com", "/").withCookies("_ga=1; _fbp=2; PHPSESSID=3");
    assertThat(gate.withdrawal(r, Set.of("analytics"))).containsExactly(
        "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure",
        "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=example.com; Secure",
        "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; Partitioned",
        "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=example.com; Secure; Partitioned");
    assertThat(gate.withdrawal(r, Set.of("necessary"))).as("necessary cookies are never expired").isEmpty();
  }

  @Test
  void hostPrefixedCookiesAreExpiredTheOnlyWayTheyCanExist() {
    assertThat(DeletionVariants.headers("__Host-x", GateRequest.https("a.example.com", "/p/q"), "example.com", false))
        .containsExactly("__Host-x=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure");
    assertThat(DeletionVariants.headers("__Secure-x", new GateRequest("example.com", "/", false, ""), "example.com"))
        .allMatch(h -> h.endsWith("; Secure"));
  }

  @Test
  void nothingIsExpiredWhenEverythingIsGranted() {
    GateRequest r = GateRequest.https("example.com", "/").withCookies("_ga=1; _fbp=2");
    assertThat(gate.filter(r, List.of(), ConsentState.allGranted(POLICY)).expiring()).isEmpty();
  }

  @Test
  void badRequestsAndSitesAreRefused() {
    assertThatThrownBy(() -> GateRequest.https("example.com:8443", "/"))
        .hasMessage("host must be a host name without port or path, got 'example.com:8443'");
    assertThatThrownBy(() -> GateRequest.https("example.com", "account"))
        .hasMessage("path must start with '/', got 'account'");
    assertThatThrownBy(() -> CookieGate.builder().site("localhost"))
        .hasMessage("site must be a registrable domain such as example.com, got 'localhost'");
    assertThatThrownBy(() -> gate.filter(REQUEST.withCookies("a=1\nb"), List.of(), ConsentState.defaults(POLICY)))
        .isInstanceOf(CookieHeaderException.class);
  }
}
