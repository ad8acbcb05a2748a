package dev.warden.consent.ledger;

import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.AuditJournalException;
import dev.warden.policy.audit.AuditLog;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: an in-memory index in front of generations on disk. A generation is a
 * snapshot plus an {@link AuditJournal} of what came after it; taking a snapshot starts a new
 * generation whose first journal entry names the previous generation's last hash and the snapshot's
 * digest, then deletes the previous generation. Appends share the journal (group commit); snapshots
 * and erasures take the store's write lock.
 */
final class JournalConsentStore implements IndexedStore {

  private static final Logger LOG = LoggerFactory.getLogger(JournalConsentStore.class);

  static final String RECORD = "consent.record";
  static final String ERASED = "consent.erased";
  static final String GENERATION = "ledger.generation";

  private final Path dir;
  private final Durability durability;
  private final Clock clock;
  private final long snapshotEvery;
  private final boolean compactOnErase;
  private final byte[] key;
  private final RecordIndex index = new RecordIndex();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private Recovery recovery; // set once by open(), before the store is returned
  private final CommitQueue commits;

  // Replaced under the write lock.
  private AuditJournal journal;
  private long generation;
  private long base;
  private boolean closed; // written under the write lock
  // Guarded by this.
  private long lastSeq;
  private String lastHash = "";

  private JournalConsentStore(Path dir, Durability durability, Clock clock, long snapshotEvery,
      boolean compactOnErase, byte[] key, long generation, AuditJournal journal) {
    this.dir = dir;
    this.durability = durability;
    this.clock = clock;
    this.snapshotEvery = snapshotEvery;
    this.compactOnErase = compactOnErase;
    this.key = key;
    this.generation = generation;
    this.journal = journal;
    this.commits = new CommitQueue(this::writeBatch, "warden-consent-commit " + dir.getFileName(),
        "consent store " + dir + " is closed");
  }

  static ConsentStore open(Path dir, Durability durability, Clock clock, long snapshotEvery, boolean compactOnErase,
      byte[] key) {
    try {
      Generations.Opened g = Generations.openCurrent(dir, clock);
      SnapshotFile.Content snap = SnapshotFile.read(Generations.snapshot(dir, g.generation()));
      AuditJournal j = openJournal(dir, g.generation(), durability, clock, key);
      JournalConsentStore s = new JournalConsentStore(dir, durability, clock, snapshotEvery, compactOnErase, key,
          g.generation(), j);
      long replayed;
      try {
        replayed = s.load(snap);
      } catch (RuntimeException e) {
        j.close();
        throw e;
      }
      Generations.deleteOthers(dir, g.generation());
      Recovery r = new Recovery(g.generation(), snap.records().size(), replayed, j.recovery().tornBytesDropped());
      if (r.repaired()) {
        LOG.warn("consent store {}: repaired a torn journal tail ({} bytes dropped)", dir, r.tornBytesDropped());
      }
      s.recovery = r;
      return s;
    } catch (IOException e) {
      throw new ConsentStoreException(dir, "cannot open: " + e.getMessage(), e);
    } catch (AuditJournalException e) {
      throw new ConsentStoreException(dir, "cannot open the journal: " + e.getMessage(), e);
    }
  }

  private static AuditJournal openJournal(Path dir, long gen, Durability durability, Clock clock, byte[] key) {
    AuditJournal.Builder b = AuditJournal.builder(Generations.journal(dir, gen)).durability(durability).clock(clock);
    if (key != null) {
      b.hmacKey(key);
    }
    return b.open();
  }

  /** Loads the snapshot and replays the journal; returns the entries replayed. */
  private long load(SnapshotFile.Content snap) {
    long seq = 0;
    for (ErasureProof p : snap.erasures()) {
      index.putErasure(p);
    }
    for (ConsentRecord r : snap.records()) {
      index.add(r, ++seq);
    }
    base = seq;
    long replayed = 0;
    Path jdir = Generations.journal(dir, generation);
    try (Stream<AuditEntry> entries = AuditJournal.entries(jdir)) {
      for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
        replayed++;
        apply(e, snap, jdir);
        lastSeq = e.sequence();
        lastHash = e.hash();
      }
    }
    return replayed;
  }

  private void apply(AuditEntry e, SnapshotFile.Content snap, Path jdir) {
    try {
      switch (e.type()) {
        case RECORD -> index.add(RecordCodec.record(e.payload()), base + e.sequence());
        case ERASED -> {
          Pseudonym subject = e.subject().orElseThrow(() -> new IllegalArgumentException("erasure without subject"));
          index.remove(subject);
          index.putErasure(RecordCodec.erasure(e.payload()));
        }
        case GENERATION -> {
          Object digest = e.payload().get("snapshotSha256");
          if (!snap.sha256().equals(digest)) {
            throw new IllegalArgumentException("the snapshot is not the one this generation began with");
          }
        }
        default -> throw new IllegalArgumentException("unknown entry type '" + e.type() + "'");
      }
    } catch (IllegalArgumentException ex) {
      throw new ConsentStoreException(jdir, "entry " + e.sequence() + ": " + ex.getMessage(), ex);
    }
  }

  @Override
  public void append(ConsentRecord record) {
    try {
      appendAsync(record).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ConsentStoreException(dir, "cannot append: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Queues the record for the writer thread, which writes everything queued with one journal write
   * and one sync (group commit), then adds the records to the index and completes their futures.
   */
  @Override
  public java.util.concurrent.CompletableFuture<ConsentRecord> appendAsync(ConsentRecord record) {
    java.util.Objects.requireNonNull(record, "record");
    return commits.submit(record, RecordCodec.toMap(record));
  }

  /** Writes a batch durably and acknowledges it; runs on the commit queue's thread. */
  private void writeBatch(List<CommitQueue.Pending> batch) {
    List<AuditJournal.NewEntry> entries = new java.util.ArrayList<>(batch.size());
    for (CommitQueue.Pending p : batch) {
      entries.add(new AuditJournal.NewEntry(RECORD, p.record().subject(), p.payload()));
    }
    RuntimeException failed = null;
    long first = 0;
    long last = 0;
    lock.readLock().lock();
    try {
      ensureOpen();
      List<AuditEntry> written = journal.appendAll(entries);
      for (int i = 0; i < written.size(); i++) {
        index.add(batch.get(i).record(), base + written.get(i).sequence());
      }
      first = written.get(0).sequence();
      last = written.get(written.size() - 1).sequence();
      noteLast(written.get(written.size() - 1));
    } catch (AuditJournalException e) {
      failed = new ConsentStoreException(dir, "cannot append: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      lock.readLock().unlock();
    }
    for (CommitQueue.Pending p : batch) {
      if (failed == null) {
        p.done().complete(p.record());
      } else {
        p.done().completeExceptionally(failed);
      }
    }
    if (failed == null && last / snapshotEvery > (first - 1) / snapshotEvery) {
      compact();
    }
  }

  private synchronized void noteLast(AuditEntry e) {
    if (e.sequence() > lastSeq) {
      lastSeq = e.sequence();
      lastHash = e.hash();
    }
  }

  @Override
  public RecordIndex index() {
    return index;
  }

  @Override
  public ErasureProof erase(Pseudonym subject, String reference) {
    ErasureProof proof;
    commits.flush(); // records queued before the erasure are erased with the rest
    lock.writeLock().lock();
    try {
      ensureOpen();
      proof = InMemoryConsentStore.proof(index.history(subject), subject, reference, clock.instant());
      AuditEntry e = journal.append(ERASED, subject, RecordCodec.toMap(proof));
      noteLast(e);
      index.remove(subject);
      index.putErasure(proof);
    } catch (AuditJournalException e) {
      throw new ConsentStoreException(dir, "cannot record the erasure: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
    if (compactOnErase) {
      compact();
    }
    return proof;
  }

  @Override
  public List<ErasureProof> eraseAll(Collection<Pseudonym> subjects, String reference) {
    List<Pseudonym> distinct = List.copyOf(new LinkedHashSet<>(subjects));
    if (distinct.isEmpty()) {
      return List.of();
    }
    List<ErasureProof> proofs = new ArrayList<>(distinct.size());
    lock.writeLock().lock();
    try {
      ensureOpen();
      Instant at = clock.instant();
      List<AuditLog.NewEntry> entries = new ArrayList<>(distinct.size());
      for (Pseudonym s : distinct) {
        ErasureProof p = InMemoryConsentStore.proof(index.history(s), s, reference, at);
        proofs.add(p);
        entries.add(new AuditLog.NewEntry(ERASED, s, RecordCodec.toMap(p)));
      }
      List<AuditEntry> written = journal.appendAll(entries);
      noteLast(written.get(written.size() - 1));
      for (int i = 0; i < distinct.size(); i++) {
        index.remove(distinct.get(i));
        index.putErasure(proofs.get(i));
      }
    } catch (AuditJournalException e) {
      throw new ConsentStoreException(dir, "cannot record the erasure: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
    if (compactOnErase) {
      compact();
    }
    return proofs;
  }

  /**
   * Takes a snapshot and starts a new generation, deleting the old one (and with it the journal
   * entries of erased subjects).
   */
  @Override
  public void compact() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      journal.sync();
      long next = generation + 1;
      Map<Pseudonym, List<ConsentRecord>> all = index.snapshot();
      List<ErasureProof> erasures = List.copyOf(index.erasures());
      long records = all.values().stream().mapToLong(List::size).sum();
      String previousHash;
      long previousSeq;
      synchronized (this) {
        previousHash = lastHash;
        previousSeq = lastSeq;
      }
      Path genDir = Generations.prepare(dir, next);
      String sha = SnapshotFile.write(genDir, next, clock.instant(), previousHash, all.values(), erasures, records,
          erasures.size());
      AuditJournal fresh = openJournal(dir, next, durability, clock, key);
      try {
        startGeneration(fresh, next, previousSeq, previousHash, sha, records, erasures.size());
      } catch (RuntimeException e) {
        fresh.close(); // the half-made generation is deleted on the next snapshot or open
        throw e;
      }
      AuditJournal old = journal;
      long oldGeneration = generation;
      journal = fresh;
      generation = next;
      base += previousSeq;
      old.close();
      Generations.delete(dir, oldGeneration);
      LOG.debug("consent store {}: generation {} begun with {} records", dir, next, records);
    } catch (IOException e) {
      throw new ConsentStoreException(dir, "cannot take a snapshot: " + e.getMessage(), e);
    } catch (AuditJournalException e) {
      throw new ConsentStoreException(dir, "cannot take a snapshot: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Writes the new generation's first entry and makes it current. */
  private void startGeneration(AuditJournal fresh, long next, long previousSeq, String previousHash, String sha,
      long records, int erasures) {
    try {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("generation", next);
      payload.put("previousGeneration", generation);
      payload.put("previousLastSequence", previousSeq);
      payload.put("previousLastHash", previousHash);
      payload.put("snapshotSha256", sha);
      payload.put("records", records);
      payload.put("erasures", erasures);
      AuditEntry first = fresh.append(GENERATION, payload);
      fresh.sync();
      Generations.makeCurrent(dir, next);
      synchronized (this) {
        lastSeq = first.sequence();
        lastHash = first.hash();
      }
    } catch (IOException e) {
      throw new ConsentStoreException(dir, "cannot start generation " + next + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<ErasureProof> erasureOf(Pseudonym subject) {
    return index.erasureOf(subject);
  }

  @Override
  public List<ErasureProof> erasures() {
    return List.copyOf(index.erasures());
  }

  @Override
  public Optional<Recovery> recovery() {
    return Optional.of(recovery);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("consent store " + dir + " is closed");
    }
  }

  @Override
  public void close() {
    commits.close(); // writes what is queued first
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        journal.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
