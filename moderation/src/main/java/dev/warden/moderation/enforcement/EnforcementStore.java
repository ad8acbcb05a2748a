package dev.warden.moderation.enforcement;

import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Pseudonym;
import java.util.function.UnaryOperator;

/**
 * Where an {@link EnforcementLedger} keeps account records. Built in: {@link #inMemory()} and
 * {@link #journal(AuditJournal)}; a host implements this for its database (a row per account,
 * updated in a transaction that locks the row).
 *
 * <p>Implementations are thread-safe, and {@link #update} is atomic per account: concurrent
 * updates of one account are applied one after another, each to the record the previous one left.
 */
public interface EnforcementStore {

  /** The account's record, or {@link AccountRecord#empty} when it has none. */
  AccountRecord get(Pseudonym account);

  /**
   * Replaces the account's record with {@code change} applied to it, atomically, and returns the
   * new record. {@code change} has no side effects, so a store may call it more than once (to
   * retry a transaction); the record stored is the one from the last call.
   */
  AccountRecord update(Pseudonym account, UnaryOperator<AccountRecord> change);

  /** A store in the heap: fast, and lost when the process ends. */
  static EnforcementStore inMemory() {
    return new InMemoryEnforcementStore();
  }

  /**
   * A store that appends each new record to {@code journal} (as an {@value
   * JournalEnforcementStore#TYPE} entry) before it takes effect, and rebuilds itself from the
   * journal's entries when created: what survives a restart is every update that returned.
   */
  static EnforcementStore journal(AuditJournal journal) {
    return JournalEnforcementStore.open(journal);
  }
}
