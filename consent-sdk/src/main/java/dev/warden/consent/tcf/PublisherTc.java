package dev.warden.consent.tcf;

import java.util.Objects;

/**
 * The publisher transparency and consent segment: the publisher's own signals for the standard
 * purposes, and for its custom purposes.
 *
 * @param pubPurposesConsent standard purposes the user consented to for the publisher (1..24)
 * @param pubPurposesLITransparency standard purposes the publisher may pursue on legitimate interest
 * @param numCustomPurposes how many custom purposes the publisher defined (0..63)
 * @param customPurposesConsent custom purposes with consent (1..numCustomPurposes)
 * @param customPurposesLITransparency custom purposes on legitimate interest (1..numCustomPurposes)
 */
public record PublisherTc(IdSet pubPurposesConsent, IdSet pubPurposesLITransparency, int numCustomPurposes,
    IdSet customPurposesConsent, IdSet customPurposesLITransparency) {

  public PublisherTc {
    Objects.requireNonNull(pubPurposesConsent, "pubPurposesConsent");
    Objects.requireNonNull(pubPurposesLITransparency, "pubPurposesLITransparency");
    Objects.requireNonNull(customPurposesConsent, "customPurposesConsent");
    Objects.requireNonNull(customPurposesLITransparency, "customPurposesLITransparency");
    TcLimits.checkMax("pubPurposesConsent", pubPurposesConsent, 24);
    TcLimits.checkMax("pubPurposesLITransparency", pubPurposesLITransparency, 24);
    if (numCustomPurposes < 0 || numCustomPurposes > 63) {
      throw new IllegalArgumentException("numCustomPurposes must be in 0..63, got " + numCustomPurposes);
    }
    TcLimits.checkMax("customPurposesConsent", customPurposesConsent, numCustomPurposes);
    TcLimits.checkMax("customPurposesLITransparency", customPurposesLITransparency, numCustomPurposes);
  }

  /** A segment whose custom purpose count is the highest custom purpose id given. */
  public static PublisherTc of(IdSet pubPurposesConsent, IdSet pubPurposesLITransparency,
      IdSet customPurposesConsent, IdSet customPurposesLITransparency) {
    return new PublisherTc(pubPurposesConsent, pubPurposesLITransparency,
        Math.max(customPurposesConsent.max(), customPurposesLITransparency.max()),
        customPurposesConsent, customPurposesLITransparency);
  }
}
