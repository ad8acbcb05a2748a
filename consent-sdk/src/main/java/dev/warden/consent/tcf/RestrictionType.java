package dev.warden.consent.tcf;

/** The type of a publisher restriction, with its two-bit code in the TC string. */
public enum RestrictionType {
  /** 0: the vendor may not process for the purpose at all. */
  NOT_ALLOWED,
  /** 1: the vendor must have consent, even where it declared the purpose flexible on legitimate interest. */
  REQUIRE_CONSENT,
  /** 2: the vendor must rely on legitimate interest, where it declared the purpose flexible on consent. */
  REQUIRE_LEGITIMATE_INTEREST,
  /** 3: not defined by the specification; decoded so that the string can be validated. */
  UNDEFINED;

  private static final RestrictionType[] BY_CODE = values();

  /** The two-bit code. */
  public int code() {
    return ordinal();
  }

  /** The type for a two-bit code. */
  public static RestrictionType ofCode(int code) {
    if (code < 0 || code > 3) {
      throw new IllegalArgumentException("restriction type code must be in 0..3, got " + code);
    }
    return BY_CODE[code];
  }
}
