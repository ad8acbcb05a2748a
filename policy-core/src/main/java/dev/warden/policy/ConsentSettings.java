package dev.warden.policy;

import java.time.Period;

/**
 * How long a consent lasts and when it must be asked for again.
 *
 * @param validity how long a recorded consent stays valid before the person must be asked again
 * @param renewOnMaterialChange whether a material policy change invalidates earlier consents
 */
public record ConsentSettings(Period validity, boolean renewOnMaterialChange) {

  public ConsentSettings {
    Checks.period(validity, true, "consent validity");
  }
}
