package dev.warden.consent.tcf;

import java.util.Objects;

/**
 * One way a TC string breaks the current TCF policy.
 *
 * @param rule the rule broken
 * @param field the field at fault, named like the {@link TcString} accessor (for example {@code
 *     purposesLITransparency} or {@code publisherRestrictions[2]})
 * @param message what is wrong, with the offending values
 */
public record TcViolation(Rule rule, String field, String message) {

  public TcViolation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** The policy rules {@link TcStringValidator} checks. */
  public enum Rule {
    /** Only version 2 strings are valid; v1 was retired in 2020. */
    VERSION,
    /** The TCF policy version must be 4 (TCF 2.2) or 5 (TCF 2.3). */
    POLICY_VERSION,
    /** IsServiceSpecific must be 1; global consent no longer exists. */
    SERVICE_SPECIFIC,
    /** Legitimate interest is never allowed for purpose 1, and not for purposes 3 to 6 from TCF 2.2. */
    LEGITIMATE_INTEREST_NOT_PERMITTED,
    /** A purpose or special feature bit is set that the policy does not define (purposes 1-11, features 1-2). */
    UNDEFINED_ID,
    /** From TCF 2.3 the disclosed vendors segment is mandatory. */
    DISCLOSED_VENDORS_MISSING,
    /** A vendor has a consent or legitimate-interest signal but was not disclosed to the user. */
    VENDOR_NOT_DISCLOSED,
    /** A publisher restriction is malformed, names no purpose, or contradicts another. */
    PUBLISHER_RESTRICTION,
    /** A timestamp is in the future or last-updated precedes created. */
    TIMESTAMP,
    /** The consent language or publisher country is not two letters A-Z. */
    LETTERS
  }
}
