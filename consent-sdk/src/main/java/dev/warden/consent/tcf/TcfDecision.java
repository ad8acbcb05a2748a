package dev.warden.consent.tcf;

import dev.warden.policy.LegalBasis;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a vendor may process for a purpose, and why.
 *
 * @param allowed the answer
 * @param rule the rule that decided it
 * @param basis the legal basis that was checked ({@code CONSENT} or {@code LEGITIMATE_INTEREST});
 *     empty when the decision came before a basis was known
 * @param vendorId the vendor asked about
 * @param purposeId the purpose, special purpose or special feature asked about
 * @param restricted whether a publisher restriction changed the legal basis
 * @param explanation one sentence for logs and audit entries (no personal data)
 */
public record TcfDecision(boolean allowed, TcfRule rule, Optional<LegalBasis> basis, int vendorId, int purposeId,
    boolean restricted, String explanation) {

  public TcfDecision {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(explanation, "explanation");
  }
}
