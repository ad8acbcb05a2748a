package dev.warden.consent.tcf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.LegalBasis;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decisions against a small GVL fixture written for these tests: one test per rule. */
class TcfEnforcerTest {

  static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
  static GlobalVendorList gvl;
  static TcfEnforcer enforcer;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = TcfEnforcerTest.class.getResourceAsStream("/tcf/gvl-fixture.json")) {
      gvl = GlobalVendorList.parse(in);
    }
    enforcer = TcfEnforcer.builder().vendorList(gvl).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  /** A valid TCF 2.3 string: consent to purposes 1-4, LI for 7-10, vendors 1, 2, 4 and 8 disclosed. */
  static TcStringBuilder valid() {
    return TcString.builder()
        .created(NOW.minusSeconds(3600))
        .cmpId(31).cmpVersion(2).vendorListVersion(120)
        .purposesConsent(IdSet.of(1, 2, 3, 4))
        .purposesLITransparency(IdSet.of(2, 7, 8, 9, 10))
        .vendorConsent(IdSet.of(1, 4, 8))
        .vendorLegitimateInterest(IdSet.of(2, 8))
        .specialFeatureOptIns(IdSet.of(1))
        .disclosedVendors(IdSet.of(1, 2, 3, 4, 8));
  }

  static TcfDecision ask(TcStringBuilder b, int vendor, int purpose) {
    return enforcer.permissions(TcString.decode(b.build().encode())).allowsProcessing(vendor, purpose);
  }

  @Test
  void theFixtureLoadsItsVendorsAndDeclarations() {
    assertThat(gvl.vendorListVersion()).isEqualTo(120);
    assertThat(gvl.tcfPolicyVersion()).isEqualTo(5);
    assertThat(gvl.vendorCount()).isEqualTo(5);
    assertThat(gvl.purposes()).hasSize(11);
    GvlVendor v2 = gvl.vendor(2).orElseThrow();
    assertThat(v2.legIntPurposes()).isEqualTo(IdSet.of(7, 8, 9, 10));
    assertThat(v2.flexiblePurposes()).isEqualTo(IdSet.of(7, 8));
    assertThat(gvl.vendor(3).orElseThrow().deletedDate()).contains(Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(gvl.vendor(5)).isEmpty();
  }

  @Test
  void consentToPurposeAndVendorAllowsProcessing() {
    TcfDecision d = ask(valid(), 1, 4);
    assertThat(d.allowed()).isTrue();
    assertThat(d.rule()).isEqualTo(TcfRule.CONSENT);
    assertThat(d.basis()).contains(LegalBasis.CONSENT);
  }

  @Test
  void missingPurposeConsentDenies() {
    TcfDecision d = ask(valid().purposesConsent(IdSet.of(1, 2, 3)), 1, 4);
    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo(TcfRule.NO_PURPOSE_CONSENT);
  }

  @Test
  void missingVendorConsentDenies() {
    assertThat(ask(valid().vendorConsent(IdSet.of(4)), 1, 4).rule()).isEqualTo(TcfRule.NO_VENDOR_CONSENT);
  }

  @Test
  void legitimateInterestNotObjectedToAllowsProcessing() {
    TcfDecision d = ask(valid(), 2, 9);
    assertThat(d.allowed()).isTrue();
    assertThat(d.rule()).isEqualTo(TcfRule.LEGITIMATE_INTEREST);
    assertThat(d.basis()).contains(LegalBasis.LEGITIMATE_INTEREST);
  }

  @Test
  void anObjectionToThePurposeOrTheVendorDeniesLegitimateInterest() {
    assertThat(ask(valid().purposesLITransparency(IdSet.of(7, 8, 10)), 2, 9).rule())
        .isEqualTo(TcfRule.NO_PURPOSE_LEGITIMATE_INTEREST);
    assertThat(ask(valid().vendorLegitimateInterest(IdSet.of(8)), 2, 9).rule())
        .isEqualTo(TcfRule.NO_VENDOR_LEGITIMATE_INTEREST);
  }

  @Test
  void aPurposeTheVendorDidNotDeclareIsDenied() {
    assertThat(ask(valid(), 1, 7).rule()).isEqualTo(TcfRule.NOT_DECLARED);
  }

  @Test
  void vendorsOutsideTheListDeletedOrUndisclosedAreDenied() {
    assertThat(ask(valid(), 5, 1).rule()).isEqualTo(TcfRule.VENDOR_NOT_IN_GVL);
    assertThat(ask(valid().vendorConsent(IdSet.of(3)), 3, 1).rule()).isEqualTo(TcfRule.VENDOR_DELETED);
    assertThat(ask(valid().disclosedVendors(IdSet.of(2, 4, 8)).vendorConsent(IdSet.of(4, 8)), 1, 1).rule())
        .isEqualTo(TcfRule.VENDOR_NOT_DISCLOSED);
  }

  @Test
  void aNotAllowedRestrictionDeniesEvenWithConsent() {
    TcfDecision d = ask(valid().addPublisherRestriction(
        new PublisherRestriction(4, RestrictionType.NOT_ALLOWED, IdSet.of(1))), 1, 4);
    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo(TcfRule.PUBLISHER_RESTRICTION_NOT_ALLOWED);
    assertThat(ask(valid().addPublisherRestriction(
        new PublisherRestriction(4, RestrictionType.NOT_ALLOWED, IdSet.of(8))), 1, 4).allowed()).isTrue();
  }

  @Test
  void requireConsentSwitchesAFlexibleLegitimateInterestPurposeToConsent() {
    TcStringBuilder b = valid().addPublisherRestriction(
        new PublisherRestriction(7, RestrictionType.REQUIRE_CONSENT, IdSet.of(2)));
    TcfDecision noConsent = ask(b, 2, 7);
    assertThat(noConsent.rule()).isEqualTo(TcfRule.NO_PURPOSE_CONSENT);
    assertThat(noConsent.restricted()).isTrue();
    TcfDecision withConsent = ask(b.purposesConsent(IdSet.of(1, 2, 3, 4, 7)).vendorConsent(IdSet.of(1, 2, 4, 8)), 2, 7);
    assertThat(withConsent.allowed()).isTrue();
    assertThat(withConsent.basis()).contains(LegalBasis.CONSENT);
  }

  @Test
  void requireConsentOnAPurposeThatIsNotFlexibleChangesNothing() {
    TcStringBuilder b = valid().addPublisherRestriction(
        new PublisherRestriction(9, RestrictionType.REQUIRE_CONSENT, IdSet.of(2)));
    TcfDecision d = ask(b, 2, 9);
    assertThat(d.allowed()).isTrue();
    assertThat(d.rule()).isEqualTo(TcfRule.LEGITIMATE_INTEREST);
    assertThat(d.restricted()).isFalse();
  }

  @Test
  void requireLegitimateInterestSwitchesAFlexibleConsentPurpose() {
    TcStringBuilder b = valid().addPublisherRestriction(
        new PublisherRestriction(7, RestrictionType.REQUIRE_LEGITIMATE_INTEREST, IdSet.of(4)));
    assertThat(ask(b.vendorLegitimateInterest(IdSet.of(2, 4, 8)), 4, 7).rule()).isEqualTo(TcfRule.LEGITIMATE_INTEREST);
    assertThat(ask(valid().addPublisherRestriction(
        new PublisherRestriction(7, RestrictionType.REQUIRE_LEGITIMATE_INTEREST, IdSet.of(4))), 4, 7).rule())
        .isEqualTo(TcfRule.NO_VENDOR_LEGITIMATE_INTEREST);
  }

  @Test
  void legitimateInterestIsNeverEnoughForPurposesThreeToSix() {
    GlobalVendorList legacy = GlobalVendorList.parse(new java.io.ByteArrayInputStream("""
        {"vendorListVersion": 9, "tcfPolicyVersion": 2,
         "vendors": {"9": {"id": 9, "name": "Old LI vendor", "purposes": [1], "legIntPurposes": [4]}}}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    TcfEnforcer e = TcfEnforcer.builder().vendorList(legacy).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    TcString t = valid().vendorLegitimateInterest(IdSet.of(9)).disclosedVendors(IdSet.of(1, 4, 8, 9)).build();
    TcfDecision d = e.allowsProcessing(t, 9, 4);
    assertThat(d.rule()).isEqualTo(TcfRule.LEGITIMATE_INTEREST_NOT_PERMITTED);
    assertThat(d.allowed()).isFalse();
  }

  @Test
  void specialFeaturesNeedADeclarationAndAnOptIn() {
    assertThat(enforcer.permissions(valid().build()).allowsSpecialFeature(8, 1).rule())
        .isEqualTo(TcfRule.SPECIAL_FEATURE_OPT_IN);
    assertThat(enforcer.permissions(valid().build()).allowsSpecialFeature(8, 2).rule())
        .isEqualTo(TcfRule.NO_SPECIAL_FEATURE_OPT_IN);
    assertThat(enforcer.permissions(valid().build()).allowsSpecialFeature(2, 1).rule())
        .isEqualTo(TcfRule.NOT_DECLARED);
    assertThat(enforcer.permissions(valid().build()).allowsSpecialFeature(8, 3).rule())
        .isEqualTo(TcfRule.UNKNOWN_PURPOSE);
  }

  @Test
  void specialPurposesNeedOnlyADeclaration() {
    TcfPermissions p = enforcer.permissions(valid().build());
    assertThat(p.allowsSpecialPurpose(2, 2).allowed()).isTrue();
    assertThat(p.allowsSpecialPurpose(1, 2).rule()).isEqualTo(TcfRule.NOT_DECLARED);
  }

  @Test
  void anInvalidStringAllowsNothingUnlessRejectionIsTurnedOff() {
    TcString legacy = valid().tcfPolicyVersion(2).build();
    TcfDecision d = enforcer.allowsProcessing(legacy, 1, 4);
    assertThat(d.rule()).isEqualTo(TcfRule.INVALID_STRING);
    assertThat(d.explanation()).contains("tcfPolicyVersion");
    assertThat(enforcer.allowsProcessing(legacy, 1, 12).rule()).as("validity is checked first")
        .isEqualTo(TcfRule.INVALID_STRING);
    assertThat(enforcer.permissions(legacy).allowsSpecialFeature(8, 1).rule()).isEqualTo(TcfRule.INVALID_STRING);
    TcfEnforcer lenient = TcfEnforcer.builder().vendorList(gvl).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .rejectInvalidStrings(false).build();
    assertThat(lenient.allowsProcessing(legacy, 1, 4).allowed()).isTrue();
  }

  @Test
  void purposeOneTreatmentSkipsThePurposeOneBitOnlyWhenTheHostSaysSo() {
    TcStringBuilder b = valid().purposeOneTreatment(true).purposesConsent(IdSet.of(2, 3, 4));
    assertThat(ask(b, 1, 1).rule()).isEqualTo(TcfRule.NO_PURPOSE_CONSENT);
    TcfEnforcer honouring = TcfEnforcer.builder().vendorList(gvl).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .honourPurposeOneTreatment(true).build();
    TcfDecision d = honouring.allowsProcessing(b.build(), 1, 1);
    assertThat(d.allowed()).isTrue();
    assertThat(d.explanation()).contains("purpose one treatment");
  }

  @Test
  void unknownPurposesAreDenied() {
    assertThat(ask(valid(), 1, 12).rule()).isEqualTo(TcfRule.UNKNOWN_PURPOSE);
  }
}
