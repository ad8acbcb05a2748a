package dev.warden.consent.tcf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded IAB TCF TC string: the core segment, and the disclosed vendors, allowed vendors and
 * publisher TC segments when present. Immutable and thread-safe.
 *
 * <p>{@link #decode(String)} reads TCF v2 strings (policy versions 2 to 5, that is TCF 2.0 to 2.3)
 * and legacy v1 strings; it checks only the format. Whether the string obeys the current policy
 * is a separate step, {@link TcStringValidator}; what it allows a vendor to do is answered by
 * {@link TcfEnforcer}. {@link #encode()} writes the string back, choosing for each vendor list the
 * shorter of bit field and range encoding; {@code decode(s.encode()).equals(s)} for every value.
 *
 * <p>Accessors are named like the getters of the IAB's Java library ({@code getCmpId()} is
 * {@link #cmpId()}). Fields a v1 string does not have read as 0, false, {@code ""} or empty.
 */
public final class TcString {

  private final int version;
  private final Instant created;
  private final Instant lastUpdated;
  private final int cmpId;
  private final int cmpVersion;
  private final int consentScreen;
  private final String consentLanguage;
  private final int vendorListVersion;
  private final int tcfPolicyVersion;
  private final boolean isServiceSpecific;
  private final boolean useNonStandardStacks;
  private final IdSet specialFeatureOptIns;
  private final IdSet purposesConsent;
  private final IdSet purposesLITransparency;
  private final boolean purposeOneTreatment;
  private final String publisherCC;
  private final IdSet vendorConsent;
  private final IdSet vendorLegitimateInterest;
  private final List<PublisherRestriction> publisherRestrictions;
  private final IdSet disclosedVendors;
  private final IdSet allowedVendors;
  private final PublisherTc publisherTc;

  TcString(int version, Instant created, Instant lastUpdated, int cmpId, int cmpVersion, int consentScreen,
      String consentLanguage, int vendorListVersion, int tcfPolicyVersion, boolean isServiceSpecific,
      boolean useNonStandardStacks, IdSet specialFeatureOptIns, IdSet purposesConsent,
      IdSet purposesLITransparency, boolean purposeOneTreatment, String publisherCC, IdSet vendorConsent,
      IdSet vendorLegitimateInterest, List<PublisherRestriction> publisherRestrictions, IdSet disclosedVendors,
      IdSet allowedVendors, PublisherTc publisherTc) {
    this.version = version;
    this.created = created;
    this.lastUpdated = lastUpdated;
    this.cmpId = cmpId;
    this.cmpVersion = cmpVersion;
    this.consentScreen = consentScreen;
    this.consentLanguage = consentLanguage;
    this.vendorListVersion = vendorListVersion;
    this.tcfPolicyVersion = tcfPolicyVersion;
    this.isServiceSpecific = isServiceSpecific;
    this.useNonStandardStacks = useNonStandardStacks;
    this.specialFeatureOptIns = specialFeatureOptIns;
    this.purposesConsent = purposesConsent;
    this.purposesLITransparency = purposesLITransparency;
    this.purposeOneTreatment = purposeOneTreatment;
    this.publisherCC = publisherCC;
    this.vendorConsent = vendorConsent;
    this.vendorLegitimateInterest = vendorLegitimateInterest;
    this.publisherRestrictions = publisherRestrictions;
    this.disclosedVendors = disclosedVendors;
    this.allowedVendors = allowedVendors;
    this.publisherTc = publisherTc;
  }

  /**
   * Decodes a TC string (segments separated by {@code '.'}).
   *
   * @throws TcStringException for any input that is not a well-formed v1 or v2 TC string, with
   *     the segment and bit offset at fault; never any other exception
   */
  public static TcString decode(String tcString) {
    return TcStringDecoder.decode(tcString);
  }

  /** A builder for a new TC string, with TCF 2.3 defaults (version 2, policy version 5). */
  public static TcStringBuilder builder() {
    return new TcStringBuilder();
  }

  /** A builder that starts from this string's values. */
  public TcStringBuilder toBuilder() {
    return new TcStringBuilder(this);
  }

  /** Encodes this value as a TC string. */
  public String encode() {
    return TcStringEncoder.encode(this);
  }

  /** The format version: 2, or 1 for a legacy string. */
  public int version() {
    return version;
  }

  /** When the consent record was created, to the decisecond. */
  public Instant created() {
    return created;
  }

  /** When the consent record was last updated, to the decisecond. */
  public Instant lastUpdated() {
    return lastUpdated;
  }

  /** The consent management platform's registered id. */
  public int cmpId() {
    return cmpId;
  }

  /** The CMP's version. */
  public int cmpVersion() {
    return cmpVersion;
  }

  /** The CMP screen on which consent was given. */
  public int consentScreen() {
    return consentScreen;
  }

  /** The two-letter language of the consent screen, upper case. */
  public String consentLanguage() {
    return consentLanguage;
  }

  /** The Global Vendor List version the CMP used. */
  public int vendorListVersion() {
    return vendorListVersion;
  }

  /** The TCF policy version: 2 for TCF 2.0 and 2.1, 4 for 2.2, 5 for 2.3. */
  public int tcfPolicyVersion() {
    return tcfPolicyVersion;
  }

  /** Whether the signals apply to this service only (the current policy requires true). */
  public boolean isServiceSpecific() {
    return isServiceSpecific;
  }

  /** Whether the CMP used non-standard texts (the field is called UseNonStandardTexts since TCF 2.2). */
  public boolean useNonStandardStacks() {
    return useNonStandardStacks;
  }

  /** The special features (1 precise geolocation, 2 device scanning) the user opted in to. */
  public IdSet specialFeatureOptIns() {
    return specialFeatureOptIns;
  }

  /** The purposes the user consented to. */
  public IdSet purposesConsent() {
    return purposesConsent;
  }

  /** The purposes for which legitimate interest was disclosed and not objected to. */
  public IdSet purposesLITransparency() {
    return purposesLITransparency;
  }

  /** Whether purpose 1 was not disclosed (a publisher in a country that does not require it). */
  public boolean purposeOneTreatment() {
    return purposeOneTreatment;
  }

  /** The publisher's two-letter country code, upper case. */
  public String publisherCC() {
    return publisherCC;
  }

  /** The vendors the user consented to. */
  public IdSet vendorConsent() {
    return vendorConsent;
  }

  /** The vendors whose legitimate interest was disclosed and not objected to. */
  public IdSet vendorLegitimateInterest() {
    return vendorLegitimateInterest;
  }

  /** The publisher restrictions, in string order. */
  public List<PublisherRestriction> publisherRestrictions() {
    return publisherRestrictions;
  }

  /** Whether the disclosed vendors segment is present (mandatory from TCF 2.3). */
  public boolean hasDisclosedVendors() {
    return disclosedVendors != null;
  }

  /** The vendors the CMP disclosed to the user; empty when the segment is absent. */
  public IdSet disclosedVendors() {
    return disclosedVendors == null ? IdSet.empty() : disclosedVendors;
  }

  /** Whether the (legacy) allowed vendors segment is present. */
  public boolean hasAllowedVendors() {
    return allowedVendors != null;
  }

  /** The vendors the publisher allows (legacy segment); empty when the segment is absent. */
  public IdSet allowedVendors() {
    return allowedVendors == null ? IdSet.empty() : allowedVendors;
  }

  /** The publisher TC segment, when present. */
  public Optional<PublisherTc> publisherTc() {
    return Optional.ofNullable(publisherTc);
  }

  /** The publisher's own purposes with consent; empty without a publisher TC segment. */
  public IdSet pubPurposesConsent() {
    return publisherTc == null ? IdSet.empty() : publisherTc.pubPurposesConsent();
  }

  /** The publisher's own purposes on legitimate interest; empty without a publisher TC segment. */
  public IdSet pubPurposesLITransparency() {
    return publisherTc == null ? IdSet.empty() : publisherTc.pubPurposesLITransparency();
  }

  /** The publisher's custom purposes with consent; empty without a publisher TC segment. */
  public IdSet customPurposesConsent() {
    return publisherTc == null ? IdSet.empty() : publisherTc.customPurposesConsent();
  }

  /** The publisher's custom purposes on legitimate interest; empty without a publisher TC segment. */
  public IdSet customPurposesLITransparency() {
    return publisherTc == null ? IdSet.empty() : publisherTc.customPurposesLITransparency();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof TcString t
        && version == t.version && created.equals(t.created) && lastUpdated.equals(t.lastUpdated)
        && cmpId == t.cmpId && cmpVersion == t.cmpVersion && consentScreen == t.consentScreen
        && consentLanguage.equals(t.consentLanguage) && vendorListVersion == t.vendorListVersion
        && tcfPolicyVersion == t.tcfPolicyVersion && isServiceSpecific == t.isServiceSpecific
        && useNonStandardStacks == t.useNonStandardStacks && specialFeatureOptIns.equals(t.specialFeatureOptIns)
        && purposesConsent.equals(t.purposesConsent) && purposesLITransparency.equals(t.purposesLITransparency)
        && purposeOneTreatment == t.purposeOneTreatment && publisherCC.equals(t.publisherCC)
        && vendorConsent.equals(t.vendorConsent) && vendorLegitimateInterest.equals(t.vendorLegitimateInterest)
        && publisherRestrictions.equals(t.publisherRestrictions)
        && Objects.equals(disclosedVendors, t.disclosedVendors) && Objects.equals(allowedVendors, t.allowedVendors)
        && Objects.equals(publisherTc, t.publisherTc);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, created, lastUpdated, cmpId, cmpVersion, consentScreen, consentLanguage,
        vendorListVersion, tcfPolicyVersion, isServiceSpecific, useNonStandardStacks, specialFeatureOptIns,
        purposesConsent, purposesLITransparency, purposeOneTreatment, publisherCC, vendorConsent,
        vendorLegitimateInterest, publisherRestrictions, disclosedVendors, allowedVendors, publisherTc);
  }

  @Override
  public String toString() {
    return "TcString[version=" + version + ", created=" + created + ", lastUpdated=" + lastUpdated
        + ", cmpId=" + cmpId + ", cmpVersion=" + cmpVersion + ", consentScreen=" + consentScreen
        + ", consentLanguage=" + consentLanguage + ", vendorListVersion=" + vendorListVersion
        + ", tcfPolicyVersion=" + tcfPolicyVersion + ", isServiceSpecific=" + isServiceSpecific
        + ", useNonStandardStacks=" + useNonStandardStacks + ", specialFeatureOptIns=" + specialFeatureOptIns
        + ", purposesConsent=" + purposesConsent + ", purposesLITransparency=" + purposesLITransparency
        + ", purposeOneTreatment=" + purposeOneTreatment + ", publisherCC=" + publisherCC
        + ", vendorConsent=" + vendorConsent + ", vendorLegitimateInterest=" + vendorLegitimateInterest
        + ", publisherRestrictions=" + publisherRestrictions + ", disclosedVendors=" + disclosedVendors
        + ", allowedVendors=" + allowedVendors + ", publisherTc=" + publisherTc + "]";
  }
}
