package dev.warden.consent.ledger;

import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A built-in store whose in-memory index answers every query, and which the ledger may read
 * directly for current-state look-ups.
 */
interface IndexedStore extends ConsentStore {

  RecordIndex index();

  @Override
  default Optional<ConsentRecord> latest(Pseudonym subject) {
    return index().latest(subject);
  }

  @Override
  default List<ConsentRecord> history(Pseudonym subject) {
    return index().history(subject);
  }

  @Override
  default Stream<Pseudonym> subjects() {
    return index().subjects();
  }

  @Override
  default Stream<ConsentRecord> recordsBefore(Instant cutoff) {
    return index().recordsBefore(cutoff);
  }
}
