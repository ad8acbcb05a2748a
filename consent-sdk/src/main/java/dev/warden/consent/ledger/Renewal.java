package dev.warden.consent.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Whether a subject must be asked for consent again, and why.
 *
 * @param needed true when the subject has no record, its record expired, or the policy changed
 *     materially since it was given
 * @param reasons one sentence per reason (the material policy changes among them); empty when not
 *     needed
 */
public record Renewal(boolean needed, List<String> reasons) {

  public Renewal {
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(reasons, "reasons");
  }

  static Renewal notNeeded() {
    return new Renewal(false, List.of());
  }
}
