/**
 * The consent ledger: {@link dev.warden.consent.ledger.ConsentRecord}s appended as events, never
 * overwritten, to a {@link dev.warden.consent.ledger.ConsentStore}; receipts, renewal checks and
 * erasure with a proof.
 */
package dev.warden.consent.ledger;
