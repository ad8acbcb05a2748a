package dev.warden.consent.tcf;

/** The rule that decided a {@link TcfDecision}, in the order {@link TcfEnforcer} applies them. */
public enum TcfRule {
  /** The TC string breaks the current policy (see {@link TcfPermissions#violations()}); nothing is allowed. */
  INVALID_STRING,
  /** The GVL does not define the purpose, special purpose or special feature asked about. */
  UNKNOWN_PURPOSE,
  /** The vendor is not in the Global Vendor List. */
  VENDOR_NOT_IN_GVL,
  /** The vendor left the Global Vendor List. */
  VENDOR_DELETED,
  /** The string has a disclosed vendors segment and the vendor is not in it. */
  VENDOR_NOT_DISCLOSED,
  /** The vendor declared neither consent nor legitimate interest for the purpose (or did not declare the special purpose or feature). */
  NOT_DECLARED,
  /** A publisher restriction of type 0 forbids the vendor this purpose. */
  PUBLISHER_RESTRICTION_NOT_ALLOWED,
  /** The legal basis in force is legitimate interest, which the policy forbids for this purpose. */
  LEGITIMATE_INTEREST_NOT_PERMITTED,
  /** The user did not consent to the purpose. */
  NO_PURPOSE_CONSENT,
  /** The user did not consent to the vendor. */
  NO_VENDOR_CONSENT,
  /** Legitimate interest for the purpose was not disclosed, or the user objected. */
  NO_PURPOSE_LEGITIMATE_INTEREST,
  /** Legitimate interest for the vendor was not disclosed, or the user objected. */
  NO_VENDOR_LEGITIMATE_INTEREST,
  /** The user did not opt in to the special feature. */
  NO_SPECIAL_FEATURE_OPT_IN,
  /** Allowed: purpose and vendor consent. */
  CONSENT,
  /** Allowed: purpose and vendor legitimate interest, not objected to. */
  LEGITIMATE_INTEREST,
  /** Allowed: a special purpose the vendor declared; users cannot object to these. */
  SPECIAL_PURPOSE,
  /** Allowed: the user opted in to the special feature the vendor declared. */
  SPECIAL_FEATURE_OPT_IN
}
