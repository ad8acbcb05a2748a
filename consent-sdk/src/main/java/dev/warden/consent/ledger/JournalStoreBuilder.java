package dev.warden.consent.ledger;

import dev.warden.policy.audit.Durability;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Configures and opens the embedded consent store: a directory holding the current generation's
 * snapshot and its append-only journal (docs/consent-ledger.md).
 *
 * {@snippet :
 * try (ConsentStore store = ConsentStore.journal(Path.of("consent"))
 *     .durability(Durability.GROUP_COMMIT)
 *     .open()) {
 *   // ...
 * }
 * }
 */
public final class JournalStoreBuilder {

  private final Path directory;
  private Durability durability = Durability.GROUP_COMMIT;
  private Clock clock = Clock.systemUTC();
  private long snapshotEvery = 100_000;
  private boolean compactOnErase = true;
  private byte[] hmacKey;

  JournalStoreBuilder(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** When appends reach the disk; default {@link Durability#GROUP_COMMIT}. */
  public JournalStoreBuilder durability(Durability durability) {
    this.durability = Objects.requireNonNull(durability, "durability");
    return this;
  }

  /** The clock that stamps journal entries and erasures; default UTC system clock. */
  public JournalStoreBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * After how many journal entries a new snapshot is taken, so that opening the store replays at
   * most that many; default 100,000. Taking one pauses appends while every live record is written.
   */
  public JournalStoreBuilder snapshotEvery(long entries) {
    if (entries < 1) {
      throw new IllegalArgumentException("snapshotEvery must be at least 1, got " + entries);
    }
    this.snapshotEvery = entries;
    return this;
  }

  /**
   * Whether an erasure takes a snapshot at once, removing the subject's records from disk (the
   * journal generation that held them is deleted); default true. When false they are removed at
   * the next snapshot.
   */
  public JournalStoreBuilder compactOnErase(boolean compact) {
    this.compactOnErase = compact;
    return this;
  }

  /** Chains journal entries with HMAC-SHA256 under this key (at least 16 bytes). */
  public JournalStoreBuilder hmacKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 16) {
      throw new IllegalArgumentException("hmacKey must be at least 16 bytes, got " + key.length);
    }
    this.hmacKey = key.clone();
    return this;
  }

  /**
   * Opens the store: reads the snapshot, repairs a torn journal tail and replays the journal.
   *
   * @throws ConsentStoreException if the directory is in use, unreadable, or damaged
   */
  public ConsentStore open() {
    return JournalConsentStore.open(directory, durability, clock, snapshotEvery, compactOnErase, hmacKey);
  }
}
