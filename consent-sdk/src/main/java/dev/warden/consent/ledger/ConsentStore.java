package dev.warden.consent.ledger;

import dev.warden.policy.audit.Pseudonym;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Where consent records live: append-only (a record is never changed; a later choice is a new
 * record), with erasure of a subject on request, after which only an {@link ErasureProof} remains.
 * Implementations are thread-safe.
 *
 * <p>Two come with Warden: {@link #inMemory()}, and {@link #journal(Path)}, the embedded default,
 * a hash-chained append-only journal (policy-core's {@code AuditJournal} format) with group
 * commit, torn-tail repair and snapshots. Hosts may implement their own (a database table).
 */
public interface ConsentStore extends AutoCloseable {

  /**
   * Appends a record; when it returns, the record is as durable as the store promises.
   *
   * @throws ConsentStoreException if it cannot be written
   */
  void append(ConsentRecord record);

  /**
   * Appends a record without waiting: the future completes with the record once it is as durable
   * as the store promises (or exceptionally with the {@link ConsentStoreException}). The journal
   * store queues it for group commit, so many records in flight share one write and one sync;
   * dependent actions of the future run on the store's writer thread unless given an executor.
   * The default appends synchronously and returns a completed future.
   */
  default CompletableFuture<ConsentRecord> appendAsync(ConsentRecord record) {
    try {
      append(record);
      return CompletableFuture.completedFuture(record);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The subject's most recent record. */
  Optional<ConsentRecord> latest(Pseudonym subject);

  /** The subject's records, oldest first; empty after an erasure. */
  List<ConsentRecord> history(Pseudonym subject);

  /** Every subject with at least one record. */
  Stream<Pseudonym> subjects();

  /** Every record made before {@code cutoff} (for retention). */
  Stream<ConsentRecord> recordsBefore(Instant cutoff);

  /**
   * Erases every record of a subject, keeping only a proof of the erasure, and returns the proof.
   * Erasing a subject without records still records a proof.
   *
   * @param reference the request the erasure answers (for example a data-subject request id), or null
   */
  ErasureProof erase(Pseudonym subject, String reference);

  /**
   * Erases several subjects, as {@link #erase(Pseudonym, String)} does one by one, and returns one
   * proof per distinct subject, in order. The journal store writes the batch with one {@code
   * fsync} and, when it compacts on erasure, takes one snapshot for the whole batch.
   *
   * @param reference the request or retention run the erasure answers, or null
   */
  default List<ErasureProof> eraseAll(Collection<Pseudonym> subjects, String reference) {
    List<ErasureProof> proofs = new ArrayList<>();
    for (Pseudonym s : new LinkedHashSet<>(subjects)) {
      proofs.add(erase(s, reference));
    }
    return proofs;
  }

  /**
   * Removes erased subjects' records from stable storage now, where a store keeps them until a
   * later snapshot (the journal store opened with {@code compactOnErase(false)}); a no-op for
   * stores that remove them at once.
   */
  default void compact() {}

  /** The proof of a subject's latest erasure, if it was erased. */
  Optional<ErasureProof> erasureOf(Pseudonym subject);

  /** Every erasure proof. */
  List<ErasureProof> erasures();

  /** What opening the store found and repaired; empty for stores that keep nothing on disk. */
  default Optional<Recovery> recovery() {
    return Optional.empty();
  }

  /** Releases the store; a durable store is synced first. */
  @Override
  void close();

  /**
   * What opening a durable store found.
   *
   * @param generation the snapshot generation opened
   * @param snapshotRecords records read from the snapshot
   * @param replayedEntries journal entries replayed after the snapshot
   * @param tornBytesDropped bytes of an incomplete last journal line that were cut off (0 if none)
   */
  record Recovery(long generation, long snapshotRecords, long replayedEntries, long tornBytesDropped) {
    public boolean repaired() {
      return tornBytesDropped > 0;
    }
  }

  /** A store that keeps records in memory only (tests, and hosts that persist elsewhere). */
  static ConsentStore inMemory() {
    return new InMemoryConsentStore();
  }

  /** Configures the embedded journal store in {@code directory} (created if missing). */
  static JournalStoreBuilder journal(Path directory) {
    return new JournalStoreBuilder(directory);
  }
}
