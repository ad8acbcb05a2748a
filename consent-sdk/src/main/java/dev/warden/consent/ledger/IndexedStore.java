package dev.warden.consent.ledger;

/** A built-in store whose in-memory index the ledger may read directly for current-state look-ups. */
interface IndexedStore {

  RecordIndex index();
}
