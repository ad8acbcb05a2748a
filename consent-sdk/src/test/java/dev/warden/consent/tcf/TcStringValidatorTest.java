package dev.warden.consent.tcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy checks, one rule at a time, and all of them at once. */
class TcStringValidatorTest {

  private static final Instant NOW = TcfEnforcerTest.NOW;
  private static final TcStringValidator VALIDATOR =
      TcStringValidator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  private static List<TcViolation.Rule> rules(TcStringBuilder b) {
    return VALIDATOR.validate(b.build()).stream().map(TcViolation::rule).toList();
  }

  @Test
  void aWellFormedTcf23StringHasNoViolations() {
    assertThat(VALIDATOR.validate(TcfEnforcerTest.valid().build())).isEmpty();
    assertThat(VALIDATOR.validate(TcfEnforcerTest.valid().tcfPolicyVersion(4).disclosedVendors(null).build())).isEmpty();
  }

  @Test
  void policyVersionsBeforeTcf22AreRejected() {
    assertThat(rules(TcfEnforcerTest.valid().tcfPolicyVersion(2))).containsExactly(TcViolation.Rule.POLICY_VERSION);
  }

  @Test
  void globalConsentIsRejected() {
    assertThat(rules(TcfEnforcerTest.valid().isServiceSpecific(false)))
        .containsExactly(TcViolation.Rule.SERVICE_SPECIFIC);
  }

  @Test
  void legitimateInterestForPurposesOneAndThreeToSixIsRejected() {
    List<TcViolation> v = VALIDATOR.validate(TcfEnforcerTest.valid().purposesLITransparency(IdSet.of(1, 2, 3, 6, 7)).build());
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo(TcViolation.Rule.LEGITIMATE_INTEREST_NOT_PERMITTED);
      assertThat(x.field()).isEqualTo("purposesLITransparency");
      assertThat(x.message()).contains("[1, 3, 6]");
    });
  }

  @Test
  void tcf23StringsWithoutDisclosedVendorsAreRejected() {
    assertThat(rules(TcfEnforcerTest.valid().disclosedVendors(null)))
        .containsExactly(TcViolation.Rule.DISCLOSED_VENDORS_MISSING);
  }

  @Test
  void vendorsWithSignalsMustHaveBeenDisclosed() {
    List<TcViolation> v = VALIDATOR.validate(TcfEnforcerTest.valid().disclosedVendors(IdSet.of(1, 2)).build());
    assertThat(v).extracting(TcViolation::rule).containsOnly(TcViolation.Rule.VENDOR_NOT_DISCLOSED);
    assertThat(v).extracting(TcViolation::field).containsExactly("vendorConsent", "vendorLegitimateInterest");
    assertThat(v.get(0).message()).contains("[4, 8]");
  }

  @Test
  void malformedAndContradictoryPublisherRestrictionsAreEachReported() {
    TcStringBuilder b = TcfEnforcerTest.valid()
        .addPublisherRestriction(new PublisherRestriction(0, RestrictionType.NOT_ALLOWED, IdSet.of(1)))
        .addPublisherRestriction(new PublisherRestriction(2, RestrictionType.UNDEFINED, IdSet.of(1)))
        .addPublisherRestriction(new PublisherRestriction(4, RestrictionType.REQUIRE_LEGITIMATE_INTEREST, IdSet.of(1)))
        .addPublisherRestriction(new PublisherRestriction(7, RestrictionType.REQUIRE_CONSENT, IdSet.empty()))
        .addPublisherRestriction(new PublisherRestriction(7, RestrictionType.REQUIRE_CONSENT, IdSet.of(2)))
        .addPublisherRestriction(new PublisherRestriction(7, RestrictionType.NOT_ALLOWED, IdSet.range(1, 3)));
    List<TcViolation> v = VALIDATOR.validate(b.build());
    assertThat(v).extracting(TcViolation::rule).containsOnly(TcViolation.Rule.PUBLISHER_RESTRICTION);
    assertThat(v).extracting(TcViolation::field).containsExactly("publisherRestrictions[0]",
        "publisherRestrictions[1]", "publisherRestrictions[2]", "publisherRestrictions[3]", "publisherRestrictions[4]",
        "publisherRestrictions[5]");
    assertThat(v.get(4).message()).contains("repeats purpose 7");
    assertThat(v.get(5).message()).contains("vendor 2 is restricted for purpose 7");
  }

  @Test
  void futureAndInvertedTimestampsAreRejected() {
    assertThat(rules(TcfEnforcerTest.valid().created(NOW.plus(Duration.ofHours(1))).lastUpdated(NOW)))
        .containsExactly(TcViolation.Rule.TIMESTAMP, TcViolation.Rule.TIMESTAMP);
    assertThat(rules(TcfEnforcerTest.valid().created(NOW.plusSeconds(60)).lastUpdated(NOW.plusSeconds(60)))).isEmpty();
  }

  @Test
  void undefinedPurposesAndSpecialFeaturesAreRejected() {
    assertThat(rules(TcfEnforcerTest.valid().purposesConsent(IdSet.of(1, 12)).specialFeatureOptIns(IdSet.of(3))))
        .containsExactly(TcViolation.Rule.UNDEFINED_ID, TcViolation.Rule.UNDEFINED_ID);
  }

  @Test
  void lettersOutsideAToZAreRejected() {
    TcString t = TcString.decode(TcfEnforcerTest.valid().build().encode());
    TcString odd = new TcString(2, t.created(), t.lastUpdated(), 1, 1, 1, "E[", 1, 5, true, false, IdSet.empty(),
        IdSet.empty(), IdSet.empty(), false, "A\u0080", IdSet.empty(), IdSet.empty(), List.of(), IdSet.empty(), null,
        null);
    assertThat(VALIDATOR.validate(odd)).extracting(TcViolation::rule)
        .containsExactly(TcViolation.Rule.LETTERS, TcViolation.Rule.LETTERS);
    assertThat(TcString.decode(odd.encode())).isEqualTo(odd);
  }

  @Test
  void everyViolationIsReturnedTogether() {
    TcStringBuilder b = TcString.builder().created(NOW).tcfPolicyVersion(2).isServiceSpecific(false)
        .purposesLITransparency(IdSet.of(3));
    assertThat(rules(b)).containsExactly(TcViolation.Rule.POLICY_VERSION, TcViolation.Rule.SERVICE_SPECIFIC,
        TcViolation.Rule.LEGITIMATE_INTEREST_NOT_PERMITTED);
  }

  @Test
  void version1StringsAreRejectedOutright() {
    assertThat(rules(TcString.builder().version(1).created(NOW))).containsExactly(TcViolation.Rule.VERSION);
  }

  @Test
  void theBuilderNamesTheValueItRejects() {
    assertThatThrownBy(() -> TcStringValidator.builder().clockSkew(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT48H");
  }
}
