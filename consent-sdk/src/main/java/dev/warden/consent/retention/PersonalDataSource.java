package dev.warden.consent.retention;

import dev.warden.consent.ledger.ConsentStore;
import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A place where the host keeps personal data (an accounts table, an image bucket, a log store),
 * registered with the {@link RetentionEngine} and with data-subject requests so that retention and
 * people's rights reach it. Implementations are thread-safe.
 *
 * <p>The contract every source keeps:
 *
 * <ul>
 *   <li>Records are named by pseudonym only; a source maps pseudonyms to its own keys.
 *   <li>{@link #erase} is idempotent: a record already gone counts for nothing, so a retention run
 *       resumed after a crash, or a request retried, never erases twice.
 *   <li>{@link #erase} is durable when it returns; {@link #purge} then removes what was erased
 *       from stable storage where the source only marked it (a journal awaiting its next
 *       snapshot). Callers purge after a retention run and after every erasure request.
 * </ul>
 *
 * <p>Two sources come with Warden: {@link #consentLedger(ConsentStore)} and {@link
 * AuditJournalSource}. A host implements this interface for each of its own stores.
 */
public interface PersonalDataSource {

  /** The source's id: 1 to 64 characters of {@code [a-z0-9-]}, unique among the sources. */
  String id();

  /**
   * Adds {@code source} to {@code sources} under its id, as the retention engine's and the
   * request service's builders do.
   *
   * @throws IllegalArgumentException if the id is malformed or already in {@code sources}
   */
  static void addById(Map<String, PersonalDataSource> sources, PersonalDataSource source) {
    java.util.Objects.requireNonNull(source, "source");
    String id = source.id();
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("a source id is 1 to 64 characters of [a-z0-9-], got '" + id + "'");
    }
    if (sources.putIfAbsent(id, source) != null) {
      throw new IllegalArgumentException("two sources have the id '" + id + "'");
    }
  }

  /** Where the data came from, in words for the person (GDPR Art. 15(1)(g)). */
  String origin();

  /** The ids of the policy's data categories this source holds. */
  Set<String> dataCategories();

  /**
   * The retention triggers this source can date for records of {@code dataCategory}. Records under
   * a rule counting from a trigger the source cannot date are kept, and the retention plan says so.
   */
  Set<RetentionTrigger> triggers(String dataCategory);

  /** Every record of {@code subject}, with content (for access, export and erasure). */
  List<PersonalRecord> records(Pseudonym subject);

  /**
   * The records of {@code dataCategory} whose {@code from} event happened before {@code cutoff}
   * (for retention); content may be left out. The caller closes the stream. Records of one subject
   * must be erasable together: when a source can erase a subject's records only all at once, it
   * gives them all the same events.
   */
  Stream<PersonalRecord> recordsBefore(String dataCategory, RetentionTrigger from, Instant cutoff);

  /**
   * Erases these records (as listed by this source) and returns what was done.
   *
   * @param reference the retention run or request the erasure answers: at most 128 characters of
   *     {@code [A-Za-z0-9_.:/-]}
   */
  ErasureResult erase(Collection<PersonalRecord> records, String reference);

  /**
   * Corrects the subject's data (GDPR Art. 16). The default says the source has nothing to
   * correct.
   *
   * @param corrections field name to corrected value, as the host's request form gives them
   */
  default RectificationResult rectify(Pseudonym subject, Map<String, Object> corrections) {
    return RectificationResult.notApplicable(id() + " keeps no data that can be corrected");
  }

  /** Removes from stable storage what {@link #erase} removed logically; a no-op by default. */
  default void purge() {}

  /**
   * The consent ledger as a source of {@code consent-records} data (docs/retention-and-dsr.md).
   * Open the journal store with {@code compactOnErase(false)} when retention erases many subjects:
   * {@link #purge()} then compacts once per run instead of once per batch.
   */
  static PersonalDataSource consentLedger(ConsentStore store) {
    return new ConsentLedgerSource(store, ConsentLedgerSource.CATEGORY, ConsentLedgerSource.ORIGIN);
  }

  /**
   * The consent ledger as a source of data of the given category, with the given origin text.
   *
   * @throws IllegalArgumentException if the category or origin is blank
   */
  static PersonalDataSource consentLedger(ConsentStore store, String dataCategory, String origin) {
    return new ConsentLedgerSource(store, dataCategory, origin);
  }
}
