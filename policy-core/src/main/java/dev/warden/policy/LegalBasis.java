package dev.warden.policy;

/** The GDPR Art. 6(1) legal basis a purpose relies on. */
public enum LegalBasis {
  CONSENT,
  CONTRACT,
  LEGAL_OBLIGATION,
  VITAL_INTERESTS,
  PUBLIC_TASK,
  LEGITIMATE_INTEREST
}
