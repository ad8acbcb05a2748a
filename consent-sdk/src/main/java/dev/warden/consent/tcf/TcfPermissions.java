package dev.warden.consent.tcf;

import dev.warden.policy.LegalBasis;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one TC string allows, answered against the Global Vendor List of the {@link TcfEnforcer}
 * that made it. Immutable and thread-safe; make one per request and ask it as often as needed.
 */
public final class TcfPermissions {

  private static final Optional<LegalBasis> CONSENT = Optional.of(LegalBasis.CONSENT);
  private static final Optional<LegalBasis> LI = Optional.of(LegalBasis.LEGITIMATE_INTEREST);

  private final TcString tc;
  private final GlobalVendorList gvl;
  private final Instant now;
  private final List<TcViolation> violations;
  private final boolean honourPurposeOneTreatment;

  TcfPermissions(TcString tc, GlobalVendorList gvl, Instant now, List<TcViolation> violations,
      boolean honourPurposeOneTreatment) {
    this.tc = tc;
    this.gvl = gvl;
    this.now = now;
    this.violations = violations;
    this.honourPurposeOneTreatment = honourPurposeOneTreatment;
  }

  /** The string asked about. */
  public TcString tcString() {
    return tc;
  }

  /** The policy violations that make every answer "no" (empty when the enforcer does not check). */
  public List<TcViolation> violations() {
    return violations;
  }

  private static TcfDecision no(TcfRule rule, Optional<LegalBasis> basis, int vendor, int purpose, boolean restricted,
      String why) {
    return new TcfDecision(false, rule, basis, vendor, purpose, restricted, why);
  }

  /** The first check of every question: a string that breaks the policy allows nothing. */
  private TcfDecision validity(int vendorId, int id) {
    if (!violations.isEmpty()) {
      return no(TcfRule.INVALID_STRING, Optional.empty(), vendorId, id, false,
          "the TC string breaks the TCF policy: " + violations.get(0).message());
    }
    return null;
  }

  /** The checks every question shares: a valid string and a listed, current, disclosed vendor. */
  private TcfDecision vendorCheck(int vendorId, int id) {
    TcfDecision invalid = validity(vendorId, id);
    if (invalid != null) {
      return invalid;
    }
    GvlVendor v = gvl.find(vendorId);
    if (v == null) {
      return no(TcfRule.VENDOR_NOT_IN_GVL, Optional.empty(), vendorId, id, false,
          "vendor " + vendorId + " is not in GVL version " + gvl.vendorListVersion());
    }
    if (v.deletedAt(now)) {
      return no(TcfRule.VENDOR_DELETED, Optional.empty(), vendorId, id, false,
          "vendor " + vendorId + " left the GVL on " + v.deletedDate().orElseThrow());
    }
    if (tc.hasDisclosedVendors() && !tc.disclosedVendors().contains(vendorId)) {
      return no(TcfRule.VENDOR_NOT_DISCLOSED, Optional.empty(), vendorId, id, false,
          "vendor " + vendorId + " was not disclosed to the user");
    }
    return null;
  }

  /**
   * May {@code vendorId} process personal data for purpose {@code purposeId}? Combines, in this
   * order: the string's validity, the vendor's presence in the GVL and in the disclosed vendors,
   * its declared legal bases, publisher restrictions (type 0 forbids; types 1 and 2 switch the basis
   * of a flexible purpose), the policy's ban on legitimate interest for purposes 1 and 3 to 6, and
   * then the purpose and vendor signals for the basis in force.
   */
  public TcfDecision allowsProcessing(int vendorId, int purposeId) {
    TcfDecision invalid = validity(vendorId, purposeId);
    if (invalid != null) {
      return invalid;
    }
    if (!gvl.purposes().isEmpty() && !gvl.purposes().containsKey(purposeId)) {
      return no(TcfRule.UNKNOWN_PURPOSE, Optional.empty(), vendorId, purposeId, false,
          "purpose " + purposeId + " is not defined in GVL version " + gvl.vendorListVersion());
    }
    TcfDecision early = vendorCheck(vendorId, purposeId);
    if (early != null) {
      return early;
    }
    GvlVendor v = gvl.find(vendorId);
    boolean onConsent = v.purposes().contains(purposeId);
    boolean onLi = v.legIntPurposes().contains(purposeId);
    if (!onConsent && !onLi) {
      return no(TcfRule.NOT_DECLARED, Optional.empty(), vendorId, purposeId, false,
          "vendor " + vendorId + " declared no legal basis for purpose " + purposeId);
    }
    boolean flexible = v.flexiblePurposes().contains(purposeId);
    boolean li = !onConsent;
    boolean restricted = false;
    for (PublisherRestriction r : tc.publisherRestrictions()) {
      if (r.purposeId() != purposeId || !r.vendorIds().contains(vendorId)) {
        continue;
      }
      switch (r.restrictionType()) {
        case NOT_ALLOWED -> {
          return no(TcfRule.PUBLISHER_RESTRICTION_NOT_ALLOWED, Optional.empty(), vendorId, purposeId, false,
              "the publisher does not allow vendor " + vendorId + " purpose " + purposeId);
        }
        case REQUIRE_CONSENT -> {
          if (flexible && li) {
            li = false;
            restricted = true;
          }
        }
        case REQUIRE_LEGITIMATE_INTEREST -> {
          if (flexible && !li) {
            li = true;
            restricted = true;
          }
        }
        case UNDEFINED -> {
          // Type 3 is undefined; validation reports it, and it changes nothing here.
        }
      }
    }
    String via = restricted ? " (basis set by a publisher restriction)" : "";
    if (li) {
      if (!TcStringValidator.legitimateInterestPermitted(purposeId)) {
        return no(TcfRule.LEGITIMATE_INTEREST_NOT_PERMITTED, LI, vendorId, purposeId, restricted,
            "purpose " + purposeId + " may not rely on legitimate interest" + via);
      }
      if (!tc.purposesLITransparency().contains(purposeId)) {
        return no(TcfRule.NO_PURPOSE_LEGITIMATE_INTEREST, LI, vendorId, purposeId, restricted,
            "no legitimate-interest signal for purpose " + purposeId + via);
      }
      if (!tc.vendorLegitimateInterest().contains(vendorId)) {
        return no(TcfRule.NO_VENDOR_LEGITIMATE_INTEREST, LI, vendorId, purposeId, restricted,
            "no legitimate-interest signal for vendor " + vendorId + via);
      }
      return new TcfDecision(true, TcfRule.LEGITIMATE_INTEREST, LI, vendorId, purposeId, restricted,
          "purpose " + purposeId + " and vendor " + vendorId + " on legitimate interest, not objected to" + via);
    }
    boolean purposeOneSkipped = purposeId == 1 && tc.purposeOneTreatment() && honourPurposeOneTreatment;
    if (!purposeOneSkipped && !tc.purposesConsent().contains(purposeId)) {
      return no(TcfRule.NO_PURPOSE_CONSENT, CONSENT, vendorId, purposeId, restricted,
          "no consent for purpose " + purposeId + via);
    }
    if (!tc.vendorConsent().contains(vendorId)) {
      return no(TcfRule.NO_VENDOR_CONSENT, CONSENT, vendorId, purposeId, restricted,
          "no consent for vendor " + vendorId + via);
    }
    return new TcfDecision(true, TcfRule.CONSENT, CONSENT, vendorId, purposeId, restricted,
        "purpose " + purposeId + " and vendor " + vendorId + " have consent" + via
            + (purposeOneSkipped ? " (purpose 1 not disclosed: purpose one treatment)" : ""));
  }

  /** May {@code vendorId} use special feature {@code featureId} (1 precise geolocation, 2 device scanning)? */
  public TcfDecision allowsSpecialFeature(int vendorId, int featureId) {
    TcfDecision invalid = validity(vendorId, featureId);
    if (invalid != null) {
      return invalid;
    }
    if (!gvl.specialFeatures().isEmpty() && !gvl.specialFeatures().containsKey(featureId)) {
      return no(TcfRule.UNKNOWN_PURPOSE, Optional.empty(), vendorId, featureId, false,
          "special feature " + featureId + " is not defined in GVL version " + gvl.vendorListVersion());
    }
    TcfDecision early = vendorCheck(vendorId, featureId);
    if (early != null) {
      return early;
    }
    if (!gvl.find(vendorId).specialFeatures().contains(featureId)) {
      return no(TcfRule.NOT_DECLARED, Optional.empty(), vendorId, featureId, false,
          "vendor " + vendorId + " did not declare special feature " + featureId);
    }
    if (!tc.specialFeatureOptIns().contains(featureId)) {
      return no(TcfRule.NO_SPECIAL_FEATURE_OPT_IN, CONSENT, vendorId, featureId, false,
          "the user did not opt in to special feature " + featureId);
    }
    return new TcfDecision(true, TcfRule.SPECIAL_FEATURE_OPT_IN, CONSENT, vendorId, featureId, false,
        "the user opted in to special feature " + featureId + ", declared by vendor " + vendorId);
  }

  /** May {@code vendorId} process for special purpose {@code specialPurposeId} (security, delivery)? */
  public TcfDecision allowsSpecialPurpose(int vendorId, int specialPurposeId) {
    TcfDecision early = vendorCheck(vendorId, specialPurposeId);
    if (early != null) {
      return early;
    }
    if (!gvl.find(vendorId).specialPurposes().contains(specialPurposeId)) {
      return no(TcfRule.NOT_DECLARED, Optional.empty(), vendorId, specialPurposeId, false,
          "vendor " + vendorId + " did not declare special purpose " + specialPurposeId);
    }
    return new TcfDecision(true, TcfRule.SPECIAL_PURPOSE, LI, vendorId, specialPurposeId, false,
        "vendor " + vendorId + " declared special purpose " + specialPurposeId + ", to which users cannot object");
  }
}
