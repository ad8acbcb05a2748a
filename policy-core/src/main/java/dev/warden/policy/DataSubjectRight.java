package dev.warden.policy;

/** A data-subject right the site honours (GDPR Art. 15 to 21). */
public enum DataSubjectRight {
  ACCESS,
  RECTIFICATION,
  ERASURE,
  RESTRICTION,
  PORTABILITY,
  OBJECTION
}
