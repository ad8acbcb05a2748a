/**
 * Warden's consent SDK: cookie classification, the consent ledger, consent signals, retention and
 * data-subject requests.
 */
module dev.warden.consent {
  requires transitive dev.warden.policy;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports dev.warden.consent;
  exports dev.warden.consent.tcf;
  exports dev.warden.consent.gpp;
}
