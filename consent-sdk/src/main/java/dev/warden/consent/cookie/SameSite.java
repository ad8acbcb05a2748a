package dev.warden.consent.cookie;

/** A cookie's {@code SameSite} attribute (RFC 6265bis), or its absence. */
public enum SameSite {
  /** No {@code SameSite} attribute. */
  UNSPECIFIED,
  STRICT,
  LAX,
  NONE
}
