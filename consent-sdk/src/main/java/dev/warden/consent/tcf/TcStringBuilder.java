package dev.warden.consent.tcf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link TcString}. Each setter checks its value against the field's width and says
 * what was wrong; {@link #build()} needs at least {@link #created(Instant)}. Defaults: version 2,
 * TCF policy version 5 (TCF 2.3), service-specific, language {@code EN}, publisher country
 * {@code AA} (unknown), everything else zero or empty. Not thread-safe; the result is.
 */
public final class TcStringBuilder {

  private int version = 2;
  private Instant created;
  private Instant lastUpdated;
  private int cmpId;
  private int cmpVersion;
  private int consentScreen;
  private String consentLanguage = "EN";
  private int vendorListVersion;
  private int tcfPolicyVersion = 5;
  private boolean isServiceSpecific = true;
  private boolean useNonStandardStacks;
  private IdSet specialFeatureOptIns = IdSet.empty();
  private IdSet purposesConsent = IdSet.empty();
  private IdSet purposesLITransparency = IdSet.empty();
  private boolean purposeOneTreatment;
  private String publisherCC = "AA";
  private IdSet vendorConsent = IdSet.empty();
  private IdSet vendorLegitimateInterest = IdSet.empty();
  private final List<PublisherRestriction> publisherRestrictions = new ArrayList<>();
  private IdSet disclosedVendors;
  private IdSet allowedVendors;
  private PublisherTc publisherTc;

  TcStringBuilder() {}

  TcStringBuilder(TcString t) {
    version = t.version();
    created = t.created();
    lastUpdated = t.lastUpdated();
    cmpId = t.cmpId();
    cmpVersion = t.cmpVersion();
    consentScreen = t.consentScreen();
    consentLanguage = t.consentLanguage();
    vendorListVersion = t.vendorListVersion();
    tcfPolicyVersion = t.tcfPolicyVersion();
    isServiceSpecific = t.isServiceSpecific();
    useNonStandardStacks = t.useNonStandardStacks();
    specialFeatureOptIns = t.specialFeatureOptIns();
    purposesConsent = t.purposesConsent();
    purposesLITransparency = t.purposesLITransparency();
    purposeOneTreatment = t.purposeOneTreatment();
    publisherCC = t.publisherCC();
    vendorConsent = t.vendorConsent();
    vendorLegitimateInterest = t.vendorLegitimateInterest();
    publisherRestrictions.addAll(t.publisherRestrictions());
    disclosedVendors = t.hasDisclosedVendors() ? t.disclosedVendors() : null;
    allowedVendors = t.hasAllowedVendors() ? t.allowedVendors() : null;
    publisherTc = t.publisherTc().orElse(null);
  }

  /** 2, or 1 for a legacy string (which encodes only the fields v1 has). */
  public TcStringBuilder version(int version) {
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException("version must be 1 or 2, got " + version);
    }
    this.version = version;
    return this;
  }

  /** When consent was first given; kept to the decisecond, as the string does. */
  public TcStringBuilder created(Instant created) {
    this.created = deciseconds("created", created);
    return this;
  }

  /** When consent was last changed (default: {@link #created(Instant)}); kept to the decisecond. */
  public TcStringBuilder lastUpdated(Instant lastUpdated) {
    this.lastUpdated = deciseconds("lastUpdated", lastUpdated);
    return this;
  }

  private static Instant deciseconds(String field, Instant i) {
    Objects.requireNonNull(i, field);
    if (i.isBefore(Instant.EPOCH) || i.toEpochMilli() > TcLimits.MAX_EPOCH_MILLI) {
      throw new IllegalArgumentException(field + " must be between 1970-01-01 and "
          + Instant.ofEpochMilli(TcLimits.MAX_EPOCH_MILLI) + ", got " + i);
    }
    return Instant.ofEpochMilli(i.toEpochMilli() / 100 * 100);
  }

  /** The CMP's registered id, 0 to 4095. */
  public TcStringBuilder cmpId(int cmpId) {
    this.cmpId = TcLimits.checkRange("cmpId", cmpId, TcLimits.MAX_12_BIT);
    return this;
  }

  /** The CMP's version, 0 to 4095. */
  public TcStringBuilder cmpVersion(int cmpVersion) {
    this.cmpVersion = TcLimits.checkRange("cmpVersion", cmpVersion, TcLimits.MAX_12_BIT);
    return this;
  }

  /** The CMP screen where consent was given, 0 to 63. */
  public TcStringBuilder consentScreen(int consentScreen) {
    this.consentScreen = TcLimits.checkRange("consentScreen", consentScreen, TcLimits.MAX_6_BIT);
    return this;
  }

  /** Two letters A to Z (either case; stored upper case). */
  public TcStringBuilder consentLanguage(String consentLanguage) {
    this.consentLanguage = twoLetters("consentLanguage", consentLanguage);
    return this;
  }

  /** The GVL version the CMP used, 0 to 4095. */
  public TcStringBuilder vendorListVersion(int vendorListVersion) {
    this.vendorListVersion = TcLimits.checkRange("vendorListVersion", vendorListVersion, TcLimits.MAX_12_BIT);
    return this;
  }

  /** The TCF policy version, 0 to 63 (4 is TCF 2.2, 5 is TCF 2.3). */
  public TcStringBuilder tcfPolicyVersion(int tcfPolicyVersion) {
    this.tcfPolicyVersion = TcLimits.checkRange("tcfPolicyVersion", tcfPolicyVersion, TcLimits.MAX_6_BIT);
    return this;
  }

  /** Whether the signals apply to this service only (the policy requires true). */
  public TcStringBuilder isServiceSpecific(boolean isServiceSpecific) {
    this.isServiceSpecific = isServiceSpecific;
    return this;
  }

  /** Whether the CMP used non-standard texts. */
  public TcStringBuilder useNonStandardStacks(boolean useNonStandardStacks) {
    this.useNonStandardStacks = useNonStandardStacks;
    return this;
  }

  /** Ids 1 to 12. */
  public TcStringBuilder specialFeatureOptIns(IdSet ids) {
    this.specialFeatureOptIns = bounded("specialFeatureOptIns", ids, 12);
    return this;
  }

  /** Ids 1 to 24. */
  public TcStringBuilder purposesConsent(IdSet ids) {
    this.purposesConsent = bounded("purposesConsent", ids, 24);
    return this;
  }

  /** Ids 1 to 24. */
  public TcStringBuilder purposesLITransparency(IdSet ids) {
    this.purposesLITransparency = bounded("purposesLITransparency", ids, 24);
    return this;
  }

  /** Whether purpose 1 was not disclosed. */
  public TcStringBuilder purposeOneTreatment(boolean purposeOneTreatment) {
    this.purposeOneTreatment = purposeOneTreatment;
    return this;
  }

  /** Two letters A to Z (either case; stored upper case). */
  public TcStringBuilder publisherCC(String publisherCC) {
    this.publisherCC = twoLetters("publisherCC", publisherCC);
    return this;
  }

  /** Vendor ids 1 to 65535. */
  public TcStringBuilder vendorConsent(IdSet ids) {
    this.vendorConsent = bounded("vendorConsent", ids, TcLimits.MAX_VENDOR_ID);
    return this;
  }

  /** Vendor ids 1 to 65535. */
  public TcStringBuilder vendorLegitimateInterest(IdSet ids) {
    this.vendorLegitimateInterest = bounded("vendorLegitimateInterest", ids, TcLimits.MAX_VENDOR_ID);
    return this;
  }

  /** Appends a publisher restriction. */
  public TcStringBuilder addPublisherRestriction(PublisherRestriction restriction) {
    Objects.requireNonNull(restriction, "restriction");
    if (publisherRestrictions.size() == TcLimits.MAX_12_BIT) {
      throw new IllegalArgumentException("at most " + TcLimits.MAX_12_BIT + " publisher restrictions fit in a TC string");
    }
    publisherRestrictions.add(restriction);
    return this;
  }

  /** Replaces the publisher restrictions. */
  public TcStringBuilder publisherRestrictions(List<PublisherRestriction> restrictions) {
    publisherRestrictions.clear();
    restrictions.forEach(this::addPublisherRestriction);
    return this;
  }

  /** The disclosed vendors segment (vendor ids 1 to 65535), or null for none. */
  public TcStringBuilder disclosedVendors(IdSet ids) {
    this.disclosedVendors = ids == null ? null : bounded("disclosedVendors", ids, TcLimits.MAX_VENDOR_ID);
    return this;
  }

  /** The legacy allowed vendors segment (vendor ids 1 to 65535), or null for none. */
  public TcStringBuilder allowedVendors(IdSet ids) {
    this.allowedVendors = ids == null ? null : bounded("allowedVendors", ids, TcLimits.MAX_VENDOR_ID);
    return this;
  }

  /** The publisher TC segment, or null for none. */
  public TcStringBuilder publisherTc(PublisherTc publisherTc) {
    this.publisherTc = publisherTc;
    return this;
  }

  private static IdSet bounded(String field, IdSet ids, int max) {
    Objects.requireNonNull(ids, field);
    TcLimits.checkMax(field, ids, max);
    return ids;
  }

  private static String twoLetters(String field, String s) {
    Objects.requireNonNull(s, field);
    if (s.length() != 2 || !letter(s.charAt(0)) || !letter(s.charAt(1))) {
      throw new IllegalArgumentException(field + " must be two letters A-Z, got '" + s + "'");
    }
    return s.toUpperCase(java.util.Locale.ROOT);
  }

  private static boolean letter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  /**
   * The TC string value. For version 1 the fields a v1 string does not have are dropped (read as
   * 0, false, {@code ""} or empty), so that the value equals its decoded encoding.
   */
  public TcString build() {
    if (created == null) {
      throw new IllegalStateException("created must be set");
    }
    Instant updated = lastUpdated == null ? created : lastUpdated;
    if (version == 1) {
      IdSet none = IdSet.empty();
      return new TcString(1, created, updated, cmpId, cmpVersion, consentScreen, consentLanguage,
          vendorListVersion, 0, false, false, none, purposesConsent, none, false, "", vendorConsent, none,
          List.of(), null, null, null);
    }
    return new TcString(version, created, updated, cmpId, cmpVersion,
        consentScreen, consentLanguage, vendorListVersion, tcfPolicyVersion, isServiceSpecific,
        useNonStandardStacks, specialFeatureOptIns, purposesConsent, purposesLITransparency,
        purposeOneTreatment, publisherCC, vendorConsent, vendorLegitimateInterest,
        List.copyOf(publisherRestrictions), disclosedVendors, allowedVendors, publisherTc);
  }
}
