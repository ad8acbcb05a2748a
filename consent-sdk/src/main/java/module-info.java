/**
 * Warden's consent SDK: cookie classification, the Set-Cookie gate, the consent ledger, consent
 * signals, retention and data-subject requests.
 */
module dev.warden.consent {
  requires transitive dev.warden.policy;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires org.apache.opennlp.tools;

  exports dev.warden.consent;
  exports dev.warden.consent.cookie;
  exports dev.warden.consent.gate;
  exports dev.warden.consent.ledger;
  exports dev.warden.consent.signal;
  exports dev.warden.consent.tcf;
  exports dev.warden.consent.gpp;
  exports dev.warden.consent.retention;
  exports dev.warden.consent.dsr;
}
