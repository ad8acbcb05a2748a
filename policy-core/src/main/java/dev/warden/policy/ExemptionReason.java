package dev.warden.policy;

/** Why data may be kept past its retention period. */
public enum ExemptionReason {
  /** The data is used to protect the service (fraud, abuse, security investigations). */
  SECURITY,
  /** A law requires the data to be kept (tax, accounting, reporting duties). */
  LEGAL_OBLIGATION,
  /** The data is needed to establish, exercise or defend legal claims. */
  LEGAL_CLAIMS,
  /** A legal hold is placed on the data; erasure waits until the hold is released. */
  LEGAL_HOLD
}
