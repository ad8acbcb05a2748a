/**
 * Warden's policy core: the policy document and its strict loader, policy diff, the decision values
 * every module shares, and the tamper-evident audit journal.
 */
module dev.warden.policy {
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.warden.policy;
  exports dev.warden.policy.decision;
  exports dev.warden.policy.audit;
}
