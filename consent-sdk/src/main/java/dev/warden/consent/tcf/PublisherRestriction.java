package dev.warden.consent.tcf;

import java.util.Objects;

/**
 * A publisher restriction: for {@code purposeId}, the listed vendors are subject to
 * {@code restrictionType}.
 *
 * @param purposeId the purpose, 0 to 63 as encoded (validation checks it names a real purpose)
 * @param restrictionType what the publisher requires
 * @param vendorIds the vendors it applies to
 */
public record PublisherRestriction(int purposeId, RestrictionType restrictionType, IdSet vendorIds) {

  public PublisherRestriction {
    if (purposeId < 0 || purposeId > 63) {
      throw new IllegalArgumentException("purposeId must be in 0..63, got " + purposeId);
    }
    Objects.requireNonNull(restrictionType, "restrictionType");
    Objects.requireNonNull(vendorIds, "vendorIds");
    if (vendorIds.max() > TcLimits.MAX_VENDOR_ID) {
      throw new IllegalArgumentException("vendor ids must be at most " + TcLimits.MAX_VENDOR_ID + ", got " + vendorIds.max());
    }
  }
}
