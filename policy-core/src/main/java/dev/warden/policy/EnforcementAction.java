package dev.warden.policy;

/** What happens to an account when it reaches a step of the enforcement ladder. */
public enum EnforcementAction {
  WARN,
  SUSPEND,
  TERMINATE
}
