package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.PolicyChange.Impact;
import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each kind of change is classified as material (fresh consent) or minor (notice only). */
class PolicyDiffTest {

  private final Policy base = Policy.defaultPolicy();

  private static PolicyDiff diff(Policy a, Policy b) {
    return PolicyDiff.between(a, b);
  }

  private PolicyBuilder next() {
    return base.toBuilder().version("next");
  }

  private static List<String> paths(PolicyDiff d, Impact impact) {
    return d.changes().stream().filter(c -> c.impact() == impact).map(PolicyChange::path).toList();
  }

  @Test
  void identicalPoliciesHaveNoChanges() {
    assertThat(diff(base, base).isEmpty()).isTrue();
    assertThat(diff(base, base).isMaterial()).isFalse();
  }

  @Test
  void aVersionBumpAloneIsMinor() {
    PolicyDiff d = diff(base, next().build());
    assertThat(d.isMaterial()).isFalse();
    assertThat(d.changes()).extracting(PolicyChange::path).containsExactly("/version");
  }

  @Test
  void aNewPurposeThatNeedsConsentIsMaterialButOneOnAnotherBasisIsMinor() {
    Policy withConsent = next().addPurpose(new Purpose("profiling", "Profile users", LegalBasis.CONSENT,
        List.of("usage"), List.of())).build();
    assertThat(paths(diff(base, withConsent), Impact.MATERIAL)).containsExactly("/purposes/profiling");
    Policy withInterest = next().addPurpose(new Purpose("stats", "Internal statistics",
        LegalBasis.LEGITIMATE_INTEREST, List.of("usage"), List.of())).build();
    assertThat(diff(base, withInterest).isMaterial()).isFalse();
    assertThat(paths(diff(base, withInterest), Impact.MINOR)).contains("/purposes/stats");
  }

  @Test
  void switchingAPurposeToOrFromConsentIsMaterial() {
    List<Purpose> purposes = new ArrayList<>(base.purposes());
    Purpose prefs = base.purpose("preferences").orElseThrow();
    purposes.set(purposes.indexOf(prefs), new Purpose(prefs.id(), prefs.description(), LegalBasis.CONSENT,
        prefs.dataCategories(), prefs.recipients()));
    Policy changed = rebuild(purposes, base.cookieCategories().stream()
        .map(c -> c.id().equals("functional") ? withConsent(c) : c).toList());
    PolicyDiff d = diff(base, changed);
    assertThat(paths(d, Impact.MATERIAL)).contains("/purposes/preferences/legalBasis");
  }

  @Test
  void aCookieCategoryAddedOrWidenedIsMaterialAndNarrowedIsMinor() {
    CookieCategory social = new CookieCategory("social", CookieClass.ADVERTISING, "Social media embeds",
        List.of("advertising"), true, ConsentDefault.DENIED, Optional.of(Period.ofMonths(6)), Set.of(), List.of());
    assertThat(paths(diff(base, next().addCookieCategory(social).build()), Impact.MATERIAL))
        .containsExactly("/cookieCategories/social");

    CookieCategory ads = base.cookieCategory("advertising").orElseThrow();
    CookieCategory longer = new CookieCategory(ads.id(), ads.cookieClass(), ads.description(), ads.purposes(),
        true, ConsentDefault.DENIED, Optional.of(Period.ofMonths(25)), Set.of(), ads.cookies());
    PolicyDiff widened = diff(base, next().putCookieCategory(longer).build());
    assertThat(paths(widened, Impact.MATERIAL)).containsExactly(
        "/cookieCategories/advertising/maxLifetime", "/cookieCategories/advertising/optOutSignals/gpc");

    CookieCategory shorter = new CookieCategory(ads.id(), ads.cookieClass(), ads.description(), ads.purposes(),
        true, ConsentDefault.DENIED, Optional.of(Period.ofMonths(6)), ads.optOutSignals(), ads.cookies());
    PolicyDiff narrowed = diff(base, next().putCookieCategory(shorter).build());
    assertThat(narrowed.isMaterial()).isFalse();
    assertThat(paths(narrowed, Impact.MINOR)).contains("/cookieCategories/advertising/maxLifetime");
  }

  @Test
  void aSessionCategoryBecomingPersistentIsMaterial() {
    CookieCategory n = base.cookieCategory("necessary").orElseThrow();
    CookieCategory persistent = new CookieCategory(n.id(), n.cookieClass(), n.description(), n.purposes(),
        false, ConsentDefault.GRANTED, Optional.of(Period.ofDays(1)), n.optOutSignals(), n.cookies());
    assertThat(paths(diff(base, next().putCookieCategory(persistent).build()), Impact.MATERIAL))
        .containsExactly("/cookieCategories/necessary/maxLifetime");
  }

  @Test
  void longerRetentionIsMaterialAndShorterIsMinor() {
    RetentionRule usage = base.retentionFor("usage").orElseThrow();
    RetentionRule longer = new RetentionRule(usage.id(), usage.dataCategory(), Period.ofMonths(6), usage.from(),
        usage.exemptions());
    PolicyDiff d = diff(base, next().putRetentionRule(longer).build());
    assertThat(d.material()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("/retention/usage/period");
      assertThat(c.description()).isEqualTo("retention of 'usage' extended from P90D to P6M");
    });
    RetentionRule shorter = new RetentionRule(usage.id(), usage.dataCategory(), Period.ofDays(30), usage.from(),
        usage.exemptions());
    assertThat(diff(base, next().putRetentionRule(shorter).build()).isMaterial()).isFalse();
  }

  @Test
  void aMonthIsComparedByItsLengthNotItsUnit() {
    RetentionRule usage = base.retentionFor("usage").orElseThrow();
    RetentionRule threeMonths = new RetentionRule(usage.id(), usage.dataCategory(), Period.ofMonths(3),
        usage.from(), usage.exemptions());
    // P3M is about 91.3 days, longer than P90D.
    assertThat(diff(base, next().putRetentionRule(threeMonths).build()).isMaterial()).isTrue();
  }

  @Test
  void aNewOrLongerRetentionExemptionIsMaterial() {
    RetentionRule gen = base.retentionFor("generated-content").orElseThrow();
    List<RetentionExemption> ex = new ArrayList<>(gen.exemptions());
    ex.add(new RetentionExemption(ExemptionReason.SECURITY, Optional.of(Period.ofYears(2))));
    RetentionRule widened = new RetentionRule(gen.id(), gen.dataCategory(), gen.period(), gen.from(), ex);
    assertThat(paths(diff(base, next().putRetentionRule(widened).build()), Impact.MATERIAL))
        .containsExactly("/retention/generated-content/exemptions/security");
  }

  @Test
  void aRemovedRetentionRuleIsMaterial() {
    PolicyBuilder b = Policy.builder().id(base.id()).version("next").effectiveDate(base.effectiveDate())
        .contact(base.contact()).enforcement(base.enforcement()).consent(base.consent())
        .dataSubjectRights(base.dataSubjectRights());
    base.dataCategories().forEach(b::addDataCategory);
    base.recipients().forEach(b::addRecipient);
    base.purposes().forEach(b::addPurpose);
    base.cookieCategories().forEach(b::addCookieCategory);
    base.contentRules().forEach(b::addContentRule);
    base.retention().stream().filter(r -> !r.dataCategory().equals("usage")).forEach(b::addRetentionRule);
    assertThat(paths(diff(base, b.build()), Impact.MATERIAL)).containsExactly("/retention/usage");
  }

  @Test
  void aNewThirdPartyRecipientIsMaterialAndAnInternalOneMinor() {
    Policy third = next().addRecipient(new Recipient("broker", "Data broker", true, Optional.of("US"))).build();
    assertThat(paths(diff(base, third), Impact.MATERIAL)).containsExactly("/recipients/broker");
    Policy internal = next().addRecipient(new Recipient("support-team", "Support", false, Optional.empty())).build();
    assertThat(diff(base, internal).isMaterial()).isFalse();
  }

  @Test
  void disclosingAnExistingPurposeToAThirdPartyIsMaterial() {
    List<Purpose> purposes = base.purposes().stream().map(p -> p.id().equals("provide-service")
        ? new Purpose(p.id(), p.description(), p.legalBasis(), p.dataCategories(), List.of("hosting", "advertising-partners"))
        : p).toList();
    PolicyDiff d = diff(base, rebuild(purposes, base.cookieCategories()));
    assertThat(paths(d, Impact.MATERIAL)).containsExactly("/purposes/provide-service/recipients/advertising-partners");
  }

  @Test
  void contentRulesContactAndEnforcementChangesAreMinor() {
    Policy changed = next()
        .contact(Contact.of("DPO", "dpo@example.com"))
        .putContentRule(ContentRule.uniform(Category.PROFANITY, Action.FLAG))
        .build();
    PolicyDiff d = diff(base, changed);
    assertThat(d.isMaterial()).isFalse();
    assertThat(d.changes()).extracting(PolicyChange::path)
        .containsExactly("/version", "/contact", "/contentRules/profanity/actions");
  }

  @Test
  void materialChangesAreListedFirst() {
    Policy changed = next().contact(Contact.of("DPO", "dpo@example.com"))
        .addRecipient(new Recipient("broker", "Data broker", true, Optional.empty())).build();
    List<PolicyChange> changes = diff(base, changed).changes();
    assertThat(changes.get(0).impact()).isEqualTo(Impact.MATERIAL);
    assertThat(changes.subList(1, changes.size())).allMatch(c -> c.impact() == Impact.MINOR);
  }

  private static CookieCategory withConsent(CookieCategory c) {
    return new CookieCategory(c.id(), c.cookieClass(), c.description(), c.purposes(), true,
        ConsentDefault.DENIED, c.maxLifetime(), c.optOutSignals(), c.cookies());
  }

  private Policy rebuild(List<Purpose> purposes, List<CookieCategory> cookies) {
    return new Policy(base.id(), "next", base.effectiveDate(), base.contact(), base.dataCategories(),
        base.recipients(), purposes, cookies, base.retention(), base.contentRules(), base.enforcement(),
        base.consent(), base.dataSubjectRights());
  }
}
