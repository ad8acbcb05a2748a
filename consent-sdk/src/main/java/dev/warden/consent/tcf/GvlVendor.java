package dev.warden.consent.tcf;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A vendor's declarations in the Global Vendor List.
 *
 * @param id the vendor id
 * @param name the vendor's name
 * @param purposes purposes it pursues on consent
 * @param legIntPurposes purposes it pursues on legitimate interest
 * @param flexiblePurposes purposes whose legal basis a publisher restriction may switch
 * @param specialPurposes special purposes (no user choice)
 * @param features features it uses
 * @param specialFeatures special features it uses (need opt-in)
 * @param deletedDate when it left the list, if it did
 */
public record GvlVendor(int id, String name, IdSet purposes, IdSet legIntPurposes, IdSet flexiblePurposes,
    IdSet specialPurposes, IdSet features, IdSet specialFeatures, Optional<Instant> deletedDate) {

  public GvlVendor {
    if (id < 1 || id > TcLimits.MAX_VENDOR_ID) {
      throw new IllegalArgumentException("vendor id must be in 1..65535, got " + id);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purposes, "purposes");
    Objects.requireNonNull(legIntPurposes, "legIntPurposes");
    Objects.requireNonNull(flexiblePurposes, "flexiblePurposes");
    Objects.requireNonNull(specialPurposes, "specialPurposes");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(specialFeatures, "specialFeatures");
    Objects.requireNonNull(deletedDate, "deletedDate");
  }

  /** Whether the vendor had left the list at {@code when}. */
  public boolean deletedAt(Instant when) {
    return deletedDate.isPresent() && !deletedDate.get().isAfter(when);
  }
}
