package dev.warden.consent.dsr;

import dev.warden.policy.ExemptionReason;
import java.util.Objects;

/**
 * Data an erasure request did not erase, and the exception of GDPR Art. 17(3) that allows keeping
 * it.
 *
 * @param dataCategory the data category kept
 * @param reason the exemption: {@link ExemptionReason#LEGAL_OBLIGATION} (Art. 17(3)(b)), or
 *     {@link ExemptionReason#LEGAL_CLAIMS} and {@link ExemptionReason#LEGAL_HOLD} (Art. 17(3)(e))
 * @param records how many records were kept
 * @param basis the legal basis and what invoked it, in words (a legal hold's id and reason)
 */
public record Retained(String dataCategory, ExemptionReason reason, int records, String basis) {

  public Retained {
    Objects.requireNonNull(dataCategory, "dataCategory");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(basis, "basis");
    if (records < 1) {
      throw new IllegalArgumentException("records must be at least 1, got " + records);
    }
  }
}
