package dev.warden.policy;

/** The event a retention period counts from. */
public enum RetentionTrigger {
  /** When the record was collected or created. */
  COLLECTED,
  /** The subject's last activity (last login, last request). */
  LAST_ACTIVITY,
  /** When the subject's account was closed. */
  ACCOUNT_CLOSED,
  /** When the subject withdrew the consent the processing relied on. */
  CONSENT_WITHDRAWN
}
