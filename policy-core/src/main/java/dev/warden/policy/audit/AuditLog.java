package dev.warden.policy.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An append-only log of what Warden decided and did, for accountability: consents given and
 * withdrawn, reports raised, erasures performed. Entries name people only by {@link Pseudonym}.
 *
 * <p>Implementations are thread-safe. The default, {@link AuditJournal}, is a hash-chained JSON
 * Lines file whose {@link #verify()} detects any modified, deleted, reordered or inserted entry.
 * Hosts may supply their own implementation (a database table, a log pipeline).
 */
public interface AuditLog extends AutoCloseable {

  /**
   * Appends an entry and returns it once it is as durable as the log's durability mode promises.
   *
   * @param type what happened: lower-case words joined by {@code .}, {@code _} or {@code -}
   * @param subject the pseudonymous subject the entry is about, or null
   * @param payload details: keys are strings; values are strings, numbers, booleans, null, or
   *     lists and maps of them. Never personal data.
   * @throws IllegalArgumentException if the type or a payload value is not allowed
   * @throws AuditJournalException if the entry cannot be written
   */
  AuditEntry append(String type, Pseudonym subject, Map<String, ?> payload);

  /**
   * An entry to append with {@link #appendAll(List)}.
   *
   * @param type as for {@link #append(String, Pseudonym, Map)}
   * @param subject the pseudonymous subject, or null
   * @param payload as for {@link #append(String, Pseudonym, Map)}
   */
  record NewEntry(String type, Pseudonym subject, Map<String, ?> payload) {
    public NewEntry {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(payload, "payload");
    }
  }

  /**
   * Appends entries in order and returns them once all are as durable as the log's durability
   * mode promises. The default appends them one at a time (so entries before a refused one stay
   * appended); {@link AuditJournal} writes them all or none, with one write and, when it syncs,
   * one sync, which is how a busy writer keeps up.
   *
   * @throws IllegalArgumentException if a type or payload value is not allowed
   * @throws AuditJournalException if the entries cannot be written
   */
  default List<AuditEntry> appendAll(List<NewEntry> entries) {
    List<AuditEntry> out = new ArrayList<>(entries.size());
    for (NewEntry e : entries) {
      out.add(append(e.type(), e.subject(), e.payload()));
    }
    return out;
  }

  /** Appends an entry about no particular subject. */
  default AuditEntry append(String type, Map<String, ?> payload) {
    return append(type, null, payload);
  }

  /** Forces every entry appended so far to stable storage. */
  void sync();

  /** The sequence number of the last entry, or 0 when the log is empty. */
  long lastSequence();

  /**
   * Checks the whole log and reports every problem found.
   *
   * @throws AuditJournalException if the log cannot be read at all
   */
  VerificationReport verify();

  /** Syncs and releases the log; appending afterwards throws {@link IllegalStateException}. */
  @Override
  void close();
}
