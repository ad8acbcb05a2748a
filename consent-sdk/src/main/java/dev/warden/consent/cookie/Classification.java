package dev.warden.consent.cookie;

import java.util.Objects;
import java.util.Optional;

/**
 * The classifier's answer for one cookie.
 *
 * @param label what the cookie is for
 * @param confidence in [0, 1]: fixed per kind of catalog match (exact above prefix above pattern),
 *     the model's probability for the learned fallback
 * @param source which source decided
 * @param rule what matched, for the explanation: the catalog entry ({@code exact _ga (Google
 *     Analytics)}), the policy declaration, or the model's top features
 * @param policyCategory the id of the policy's cookie category when the host declared the cookie
 */
public record Classification(
    CookieLabel label, double confidence, ClassificationSource source, String rule,
    Optional<String> policyCategory) {

  public Classification {
    Objects.requireNonNull(label, "label");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0,1], got " + confidence);
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(policyCategory, "policyCategory");
  }

  static Classification unknown(double confidence, String rule) {
    return new Classification(CookieLabel.UNKNOWN, confidence, ClassificationSource.NONE, rule, Optional.empty());
  }
}
