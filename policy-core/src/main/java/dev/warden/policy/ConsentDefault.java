package dev.warden.policy;

/** The state a cookie category starts in before the person makes a choice. */
public enum ConsentDefault {
  GRANTED,
  DENIED
}
