package dev.warden.policy.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The default {@link AuditLog}: an append-only, hash-chained JSON Lines journal in a directory.
 * Thread-safe; one process may have a directory open at a time.
 *
 * <p>Each line is one entry: sequence number, timestamp from the injected {@link Clock}, type,
 * pseudonymous subject, payload, the previous entry's hash and its own SHA-256 hash (HMAC-SHA256
 * with a key). Segments rotate by size ({@code audit-<first sequence>.jsonl}) and the chain runs
 * across them; {@code audit.head} records the last durable entry so that removing entries from the
 * end is detected. Reopening after a crash that tore the last line repairs it and reports the
 * repair in {@link #recovery()}.
 *
 * <p>A hash chain shows that entries were changed only to someone who cannot recompute it: give
 * the journal a secret key ({@link Builder#hmacKey(byte[])}), or copy {@link
 * VerificationReport#lastHash()} to a store the writer cannot change, to make rewriting detectable.
 *
 * {@snippet :
 * try (AuditJournal journal = AuditJournal.builder(Path.of("audit"))
 *     .durability(Durability.GROUP_COMMIT)
 *     .open()) {
 *   journal.append("consent.granted", Pseudonym.of("ps_3kq9"), Map.of("categories", List.of("analytics")));
 * }
 * }
 */
public interface AuditJournal extends AuditLog {

  /** What opening the journal found and repaired. */
  Recovery recovery();

  /** The journal's directory. */
  Path directory();

  /**
   * What {@link Builder#open()} found.
   *
   * @param tornBytesDropped bytes of an incomplete last line that were cut off (0 if none)
   * @param lastSequence the sequence number of the last entry after repair
   * @param truncationAccepted whether the journal was found shorter than its head and opened anyway
   */
  record Recovery(long tornBytesDropped, long lastSequence, boolean truncationAccepted) {
    public boolean repaired() {
      return tornBytesDropped > 0;
    }
  }

  /** Returns a builder for a journal in {@code directory} (created if missing). */
  static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /**
   * Verifies journal files without opening them for writing. Directories are expanded to their
   * segments and head; files are checked in the order given, as one chain.
   *
   * @param paths journal directories or segment files
   * @param key the journal's HMAC key, or null for a journal without one
   */
  static VerificationReport verify(List<Path> paths, byte[] key) {
    List<Path> files = new ArrayList<>();
    Path head = null;
    try {
      for (Path p : paths) {
        if (Files.isDirectory(p)) {
          files.addAll(JournalFiles.segments(p));
          head = p.resolve(JournalFiles.HEAD);
        } else if (Files.exists(p)) {
          files.add(p);
          Path sibling = p.toAbsolutePath().getParent().resolve(JournalFiles.HEAD);
          head = Files.exists(sibling) ? sibling : null;
        } else {
          throw new AuditJournalException(p, "no such file or directory");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JournalVerifier.verify(files, head, key);
  }

  /**
   * Reads every entry of a journal directory, oldest first. The stream must be closed.
   *
   * @throws AuditJournalException while streaming, if a line is not a readable entry
   */
  static Stream<AuditEntry> entries(Path directory) {
    try {
      return JournalReader.entries(JournalFiles.segments(directory));
    } catch (IOException e) {
      throw new AuditJournalException(directory, "cannot list the journal: " + e.getMessage(), e);
    }
  }

  /** Configures and opens an {@link AuditJournal}. */
  final class Builder {
    private final Path directory;
    private Durability durability = Durability.GROUP_COMMIT;
    private Clock clock = Clock.systemUTC();
    private long maxSegmentBytes = 64L * 1024 * 1024;
    private byte[] hmacKey;
    private boolean acceptTruncation;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** When appends are forced to disk; default {@link Durability#GROUP_COMMIT}. */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability");
      return this;
    }

    /** The clock entries are stamped with; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The size at which a segment is closed and a new one started; default 64 MiB. */
    public Builder maxSegmentBytes(long bytes) {
      if (bytes < 4096) {
        throw new IllegalArgumentException("maxSegmentBytes must be at least 4096, got " + bytes);
      }
      this.maxSegmentBytes = bytes;
      return this;
    }

    /** Chains entries with HMAC-SHA256 under this secret key (at least 16 bytes). */
    public Builder hmacKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      if (key.length < 16) {
        throw new IllegalArgumentException("hmacKey must be at least 16 bytes, got " + key.length);
      }
      this.hmacKey = key.clone();
      return this;
    }

    /**
     * Opens a journal that is shorter than its head records (entries were removed from its end)
     * instead of refusing; the first entry appended then records the loss. Default false.
     */
    public Builder acceptTruncation(boolean accept) {
      this.acceptTruncation = accept;
      return this;
    }

    /**
     * Opens the journal, repairing a torn last line.
     *
     * @throws AuditJournalException if the directory is in use by another process, cannot be
     *     written, or was tampered with (its last entry does not match its hash, or it is shorter
     *     than its head records and truncation is not accepted)
     */
    public AuditJournal open() {
      return FileJournal.open(directory, durability, clock, maxSegmentBytes, hmacKey, acceptTruncation);
    }
  }
}
