package dev.warden.policy;

import java.util.Objects;

/**
 * One difference between two versions of a policy.
 *
 * @param impact whether the change needs fresh consent or only a notice
 * @param path where the change is, as a pointer through ids rather than array indexes, for
 *     example {@code /purposes/analytics/legalBasis}
 * @param description what changed, old and new values included
 */
public record PolicyChange(Impact impact, String path, String description) {

  /** How a change affects the people the policy applies to. */
  public enum Impact {
    /**
     * The change widens what people agreed to (a new purpose that needs consent, a cookie category
     * added or widened, longer retention, a new third-party recipient): ask for consent again.
     */
    MATERIAL,
    /** The change needs a notice only. */
    MINOR
  }

  public PolicyChange {
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(description, "description");
  }

  public boolean material() {
    return impact == Impact.MATERIAL;
  }

  @Override
  public String toString() {
    return impact + " " + path + ": " + description;
  }
}
