package dev.warden.consent.tcf;

import static org.assertj.core.api.Assertions.assertThat;

import com.iabtcf.decoder.TCString;
import com.iabtcf.encoder.PublisherRestrictionEntry;
import com.iabtcf.encoder.TCStringEncoder;
import com.iabtcf.utils.BitSetIntIterable;
import com.iabtcf.utils.IntIterable;
import com.iabtcf.v2.RestrictionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the IAB's Java library (iabtcf-java 2.0.10): strings its encoder makes
 * decode to the same fields in both libraries; strings Warden's encoder makes decode in the IAB
 * library to the values Warden encoded; and Warden's own round trip is exact.
 */
class IabtcfDifferentialTest {

  private static final int STRINGS = 100_000;

  private static int[] sorted(IntIterable it) {
    return it.toStream().sorted().toArray();
  }

  private static BitSetIntIterable iab(IdSet s) {
    return BitSetIntIterable.from(s.toArray());
  }

  /** The same value, built with the IAB encoder. */
  static String encodeWithIab(TcString t) {
    TCStringEncoder.Builder b = TCStringEncoder.newBuilder()
        .version(t.version())
        .created(t.created())
        .lastUpdated(t.lastUpdated())
        .cmpId(t.cmpId())
        .cmpVersion(t.cmpVersion())
        .consentScreen(t.consentScreen())
        .consentLanguage(t.consentLanguage())
        .vendorListVersion(t.vendorListVersion())
        .addPurposesConsent(iab(t.purposesConsent()))
        .addVendorConsent(iab(t.vendorConsent()));
    if (t.version() == 2) {
      b.tcfPolicyVersion(t.tcfPolicyVersion())
          .isServiceSpecific(t.isServiceSpecific())
          .useNonStandardStacks(t.useNonStandardStacks())
          .addSpecialFeatureOptIns(iab(t.specialFeatureOptIns()))
          .addPurposesLITransparency(iab(t.purposesLITransparency()))
          .purposeOneTreatment(t.purposeOneTreatment())
          .publisherCC(t.publisherCC())
          .addVendorLegitimateInterest(iab(t.vendorLegitimateInterest()))
          .addDisclosedVendors(iab(t.disclosedVendors()))
          .addAllowedVendors(iab(t.allowedVendors()))
          .addPubPurposesConsent(iab(t.pubPurposesConsent()))
          .addPubPurposesLITransparency(iab(t.pubPurposesLITransparency()))
          .addCustomPurposesConsent(iab(t.customPurposesConsent()))
          .addCustomPurposesLITransparency(iab(t.customPurposesLITransparency()));
      for (PublisherRestriction p : t.publisherRestrictions()) {
        b.addPublisherRestrictionEntry(PublisherRestrictionEntry.newBuilder()
            .purposeId(p.purposeId())
            .restrictionType(RestrictionType.valueOf(p.restrictionType().name()))
            .addVendor(iab(p.vendorIds()))
            .build());
      }
    }
    return b.encode();
  }

  /** Asserts that the IAB decoding shows exactly the fields of Warden's value. */
  static void assertSameFields(TCString i, TcString w, String s) {
    List<Object> iab = new ArrayList<>(List.of(i.getVersion(), i.getCreated(), i.getLastUpdated(), i.getCmpId(),
        i.getCmpVersion(), i.getConsentScreen(), i.getConsentLanguage(), i.getVendorListVersion(),
        sorted(i.getPurposesConsent()), sorted(i.getVendorConsent())));
    List<Object> ours = new ArrayList<>(List.of(w.version(), w.created(), w.lastUpdated(), w.cmpId(),
        w.cmpVersion(), w.consentScreen(), w.consentLanguage(), w.vendorListVersion(),
        w.purposesConsent().toArray(), w.vendorConsent().toArray()));
    if (w.version() == 2) {
      iab.addAll(List.of(i.getTcfPolicyVersion(), i.isServiceSpecific(), i.getUseNonStandardStacks(),
          sorted(i.getSpecialFeatureOptIns()), sorted(i.getPurposesLITransparency()), i.getPurposeOneTreatment(),
          i.getPublisherCC(), sorted(i.getVendorLegitimateInterest()), sorted(i.getDisclosedVendors()),
          sorted(i.getAllowedVendors()), sorted(i.getPubPurposesConsent()), sorted(i.getPubPurposesLITransparency()),
          sorted(i.getCustomPurposesConsent()), sorted(i.getCustomPurposesLITransparency())));
      ours.addAll(List.of(w.tcfPolicyVersion(), w.isServiceSpecific(), w.useNonStandardStacks(),
          w.specialFeatureOptIns().toArray(), w.purposesLITransparency().toArray(), w.purposeOneTreatment(),
          w.publisherCC(), w.vendorLegitimateInterest().toArray(), w.disclosedVendors().toArray(),
          w.allowedVendors().toArray(), w.pubPurposesConsent().toArray(), w.pubPurposesLITransparency().toArray(),
          w.customPurposesConsent().toArray(), w.customPurposesLITransparency().toArray()));
      for (com.iabtcf.v2.PublisherRestriction r : i.getPublisherRestrictions()) {
        iab.addAll(List.of(r.getPurposeId(), r.getRestrictionType().name(), sorted(r.getVendorIds())));
      }
      for (PublisherRestriction r : w.publisherRestrictions()) {
        ours.addAll(List.of(r.purposeId(), r.restrictionType().name(), r.vendorIds().toArray()));
      }
    }
    // One deep comparison per string keeps 200,000 strings fast; on a mismatch AssertJ shows both.
    if (!Arrays.deepEquals(iab.toArray(), ours.toArray())) {
      assertThat(iab).as("string %s", s).containsExactlyElementsOf(ours);
    }
  }

  @Test
  void stringsMadeByTheIabEncoderDecodeToTheSameFieldsInBothLibraries() {
    RandomTcStrings gen = new RandomTcStrings(20_260_611L, true);
    for (int n = 0; n < STRINGS; n++) {
      TcString value = gen.next();
      String s = encodeWithIab(value);
      TcString warden = TcString.decode(s);
      assertSameFields(TCString.decode(s), warden, s);
      assertThat(warden).as("string %s", s).isEqualTo(value);
    }
  }

  @Test
  void stringsMadeByWardenDecodeInTheIabLibraryToTheEncodedValuesAndRoundTripExactly() {
    RandomTcStrings gen = new RandomTcStrings(7_919L, false);
    for (int n = 0; n < STRINGS; n++) {
      TcString value = gen.next();
      String s = value.encode();
      assertThat(TcString.decode(s)).as("string %s", s).isEqualTo(value);
      assertSameFields(TCString.decode(s), value, s);
    }
  }
}
