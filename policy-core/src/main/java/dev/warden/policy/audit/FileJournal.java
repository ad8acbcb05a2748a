package dev.warden.policy.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file-backed journal behind {@link AuditJournal}. */
final class FileJournal implements AuditJournal {

  private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);

  private final Path dir;
  private final Durability durability;
  private final Clock clock;
  private final long maxSegmentBytes;
  private final byte[] key;
  private final ChainHash hasher;
  private final EntryCodec codec = new EntryCodec();
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ReentrantLock commitLock = new ReentrantLock();
  private final AtomicReference<CompletableFuture<Void>> forceInProgress = new AtomicReference<>();
  private final FileChannel lockChannel;
  private final FileLock fileLock;
  private final FileChannel headChannel;
  private final Recovery recovery;

  // Guarded by appendLock.
  private SegmentWriter segment;
  private long lastSeq;
  private String lastHash;
  private long rotations;
  private boolean closed;
  private IOException failure;
  private Map<String, Object> pendingTruncationNote;

  // Written under commitLock (and appendLock in SYNC mode); read by any thread.
  private volatile long durableSeq;

  private FileJournal(Path dir, Durability durability, Clock clock, long maxSegmentBytes, byte[] key,
      FileChannel lockChannel, FileLock fileLock, FileChannel headChannel, Recovery recovery) {
    this.dir = dir;
    this.durability = durability;
    this.clock = clock;
    this.maxSegmentBytes = maxSegmentBytes;
    this.key = key;
    this.hasher = ChainHash.create(key);
    this.lockChannel = lockChannel;
    this.fileLock = fileLock;
    this.headChannel = headChannel;
    this.recovery = recovery;
  }

  static FileJournal open(Path dir, Durability durability, Clock clock, long maxSegmentBytes,
      byte[] key, boolean acceptTruncation) {
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(dir);
      lockChannel = FileChannel.open(dir.resolve(JournalFiles.LOCK), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new AuditJournalException(dir, "the journal is already open (in this or another process)");
      }
      try {
        return openLocked(dir, durability, clock, maxSegmentBytes, key, acceptTruncation, lockChannel, lock);
      } catch (RuntimeException | IOException e) {
        lock.release();
        throw e;
      }
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new AuditJournalException(dir, "cannot open the journal: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  private static FileJournal openLocked(Path dir, Durability durability, Clock clock,
      long maxSegmentBytes, byte[] key, boolean acceptTruncation, FileChannel lockChannel,
      FileLock lock) throws IOException {
    List<Path> segments = JournalFiles.segments(dir);
    long torn = 0;
    long lastSeq = 0;
    String lastHash = ChainHash.GENESIS;
    Path current;
    if (segments.isEmpty()) {
      current = dir.resolve(JournalFiles.segmentName(1));
    } else {
      current = segments.get(segments.size() - 1);
      torn = repairTail(current);
      for (int i = segments.size() - 1; i >= 0; i--) {
        byte[] lastLine = lastLine(segments.get(i));
        if (lastLine != null) {
          lastSeq = JournalVerifier.parseSeq(lastLine, lastLine.length);
          lastHash = checkedHash(segments.get(i), lastLine, key);
          break;
        }
      }
    }
    Path headPath = dir.resolve(JournalFiles.HEAD);
    JournalFiles.Head head = JournalFiles.readHead(headPath);
    boolean truncated = false;
    if (head != null && head.sequence() >= 0
        && (head.sequence() > lastSeq || (head.sequence() == lastSeq && !head.hash().equals(lastHash)))) {
      String what = head.sequence() > lastSeq
          ? "the journal ends at entry " + lastSeq + " but its head records entry " + head.sequence()
              + ": entries were removed from its end"
          : "its last entry does not match the head's record of it";
      if (!acceptTruncation) {
        throw new AuditJournalException(dir, what + "; verify it (warden audit verify " + dir
            + ") and open it with acceptTruncation(true) to continue");
      }
      LOG.error("audit journal {}: {}; continuing because truncation is accepted", dir, what);
      truncated = true;
    }
    SegmentWriter seg = durability == Durability.OS
        ? SegmentWriter.mapped(current, false) : SegmentWriter.channel(current, false);
    FileChannel headChannel = FileChannel.open(headPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.READ);
    if (torn > 0) {
      LOG.warn("audit journal {}: repaired a torn last line ({} bytes dropped) after entry {}", dir, torn, lastSeq);
    }
    FileJournal j = new FileJournal(dir, durability, clock, maxSegmentBytes, key, lockChannel, lock,
        headChannel, new Recovery(torn, lastSeq, truncated));
    j.segment = seg;
    j.lastSeq = lastSeq;
    j.lastHash = lastHash;
    j.durableSeq = lastSeq;
    if (truncated) {
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("headSequence", head.sequence());
      note.put("foundSequence", lastSeq);
      j.pendingTruncationNote = note;
    }
    return j;
  }

  /**
   * Cuts off bytes after the last newline: zero bytes a mapped segment was extended by (not
   * reported) and an incomplete line a crash tore (reported). Returns the torn line's length.
   */
  private static long repairTail(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long content = -1; // end of the last non-zero byte
      long keep = 0;
      ByteBuffer b = ByteBuffer.allocate(8192);
      long pos = size;
      outer:
      while (pos > 0) {
        int n = (int) Math.min(b.capacity(), pos);
        pos -= n;
        b.clear().limit(n);
        readFully(ch, b, pos);
        for (int i = n - 1; i >= 0; i--) {
          byte c = b.get(i);
          if (content < 0 && c != 0) {
            content = pos + i + 1;
          }
          if (c == '\n') {
            keep = pos + i + 1;
            break outer;
          }
        }
      }
      if (keep == size) {
        return 0;
      }
      ch.truncate(keep);
      ch.force(true);
      return Math.max(0, content - keep);
    }
  }

  /** The last complete line of a segment (without its newline), or null if it has none. */
  private static byte[] lastLine(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long end = ch.size() - 1; // the newline
      if (end < 0) {
        return null;
      }
      long start = end;
      ByteBuffer one = ByteBuffer.allocate(8192);
      long pos = end;
      search:
      while (pos > 0) {
        int n = (int) Math.min(one.capacity(), pos);
        long from = pos - n;
        one.clear().limit(n);
        readFully(ch, one, from);
        for (int i = n - 1; i >= 0; i--) {
          if (one.get(i) == '\n') {
            start = from + i + 1;
            break search;
          }
        }
        pos = from;
        start = 0;
      }
      if (end - start > JournalVerifier.MAX_LINE) {
        throw new IOException("the last line of " + file + " is longer than " + JournalVerifier.MAX_LINE + " bytes");
      }
      ByteBuffer line = ByteBuffer.allocate((int) (end - start));
      readFully(ch, line, start);
      return line.array();
    }
  }

  private static String checkedHash(Path file, byte[] line, byte[] key) {
    if (JournalVerifier.parseSeq(line, line.length) < 1 || !JournalVerifier.endsWithHashSuffix(line, line.length)) {
      throw new AuditJournalException(file, "the last line is not a journal entry; verify the journal");
    }
    int bodyEnd = line.length - EntryCodec.SUFFIX_LENGTH;
    byte[] hex = new byte[ChainHash.HEX_LENGTH];
    JournalVerifier.toHex(ChainHash.create(key).hash(line, 0, bodyEnd), hex);
    String stored = new String(line, bodyEnd + EntryCodec.HASH_PREFIX.length, ChainHash.HEX_LENGTH,
        StandardCharsets.US_ASCII);
    if (!stored.equals(new String(hex, StandardCharsets.US_ASCII))) {
      throw new AuditJournalException(file, "the last entry does not match its hash (modified, or a"
          + " different HMAC key); verify the journal");
    }
    return stored;
  }

  @Override
  public AuditEntry append(String type, Pseudonym subject, Map<String, ?> payload) {
    EntryCodec.checkType(type);
    java.util.Objects.requireNonNull(payload, "payload");
    long seq;
    AuditEntry entry;
    appendLock.lock();
    try {
      ensureWritable();
      writePendingNote();
      entry = write(type, subject, payload);
      seq = entry.sequence();
      if (durability == Durability.SYNC) {
        segment.force();
        durableSeq = seq;
        JournalFiles.writeHead(headChannel, seq, entry.hash());
      }
    } catch (IOException e) {
      failure = e;
      throw new AuditJournalException(dir, "cannot append: " + e.getMessage(), e);
    } finally {
      appendLock.unlock();
    }
    if (durability == Durability.GROUP_COMMIT) {
      awaitDurable(seq);
    }
    return entry;
  }

  /**
   * Encodes every entry, then writes them with one write (or one per segment when the batch
   * crosses a rotation) and, as the durability mode says, one force. A refused type or payload
   * stops the batch before anything is written.
   */
  @Override
  public List<AuditEntry> appendAll(List<NewEntry> entries) {
    for (NewEntry e : entries) {
      EntryCodec.checkType(e.type());
    }
    if (entries.isEmpty()) {
      return List.of();
    }
    List<AuditEntry> out = new java.util.ArrayList<>(entries.size());
    long last;
    appendLock.lock();
    try {
      ensureWritable();
      writePendingNote();
      writeBatch(entries, out);
      last = lastSeq;
      if (durability == Durability.SYNC) {
        segment.force();
        durableSeq = last;
        JournalFiles.writeHead(headChannel, last, lastHash);
      }
    } catch (IOException e) {
      failure = e;
      throw new AuditJournalException(dir, "cannot append: " + e.getMessage(), e);
    } finally {
      appendLock.unlock();
    }
    if (durability == Durability.GROUP_COMMIT) {
      awaitDurable(last);
    }
    return Collections.unmodifiableList(out);
  }

  private void writePendingNote() throws IOException {
    if (pendingTruncationNote != null) {
      Map<String, Object> note = pendingTruncationNote;
      pendingTruncationNote = null;
      write("journal.truncation-accepted", null, note);
    }
  }

  /**
   * Encodes the whole batch into one buffer (a refused payload throws before anything is written),
   * then writes it, cut where a segment fills up; the chain moves on only as entries are written.
   */
  private void writeBatch(List<NewEntry> entries, List<AuditEntry> out) throws IOException {
    byte[] batch = new byte[Math.max(1024, entries.size() * 512)];
    int[] ends = new int[entries.size()];
    int used = 0;
    long seq = lastSeq;
    String prev = lastHash;
    for (int i = 0; i < entries.size(); i++) {
      NewEntry e = entries.get(i);
      seq++;
      java.time.Instant ts = clock.instant();
      String hash = codec.encode(seq, ts, e.type(), e.subject(), e.payload(), prev, hasher);
      int len = codec.length();
      if (used + len > batch.length) {
        batch = java.util.Arrays.copyOf(batch, Math.max(batch.length * 2, used + len));
      }
      System.arraycopy(codec.bytes(), 0, batch, used, len);
      used += len;
      ends[i] = used;
      out.add(new AuditEntry(seq, ts, e.type(), Optional.ofNullable(e.subject()), copy(e.payload()), prev, hash));
      prev = hash;
    }
    int from = 0;
    for (int i = 0; i < ends.length; i++) {
      int start = i == 0 ? 0 : ends[i - 1];
      long inSegment = segment.size() + (start - from);
      if (inSegment > 0 && inSegment + (ends[i] - start) > maxSegmentBytes) {
        segment.write(batch, from, start - from);
        from = start;
        if (i > 0) {
          lastSeq = out.get(i - 1).sequence();
          lastHash = out.get(i - 1).hash();
        }
        rotate(out.get(i).sequence());
      }
    }
    segment.write(batch, from, used - from);
    lastSeq = seq;
    lastHash = prev;
  }

  private AuditEntry write(String type, Pseudonym subject, Map<String, ?> payload) throws IOException {
    long seq = lastSeq + 1;
    java.time.Instant ts = clock.instant();
    String hash = codec.encode(seq, ts, type, subject, payload, lastHash, hasher);
    int len = codec.length();
    if (segment.size() > 0 && segment.size() + len > maxSegmentBytes) {
      rotate(seq);
    }
    segment.write(codec.bytes(), 0, len);
    AuditEntry entry = new AuditEntry(seq, ts, type, Optional.ofNullable(subject), copy(payload), lastHash, hash);
    lastSeq = seq;
    lastHash = hash;
    return entry;
  }

  private static Map<String, Object> copy(Map<String, ?> payload) {
    return payload.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }

  private void rotate(long nextSeq) throws IOException {
    if (durability != Durability.OS) {
      segment.force();
    }
    segment.close();
    rotations++;
    Path next = dir.resolve(JournalFiles.segmentName(nextSeq));
    segment = durability == Durability.OS
        ? SegmentWriter.mapped(next, true) : SegmentWriter.channel(next, true);
    if (durability != Durability.OS) {
      forceDirectory();
    }
  }

  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("cannot force directory {} (not supported on this platform): {}", dir, e.toString());
    }
  }

  /**
   * Group commit: a waiter whose entry is not yet durable either joins the force in progress or,
   * when none is, starts one covering everything written so far. Appends go on during a force, so
   * the next one covers them all; when a force ends every waiter wakes at once (no waiter queues
   * behind the next force on a lock before it can see that its entry is already durable).
   */
  private void awaitDurable(long seq) {
    while (durableSeq < seq) {
      CompletableFuture<Void> running = forceInProgress.get();
      if (running != null) {
        running.join();
        continue;
      }
      CompletableFuture<Void> mine = new CompletableFuture<>();
      if (!forceInProgress.compareAndSet(null, mine)) {
        continue;
      }
      try {
        commitLock.lock();
        try {
          if (durableSeq < seq) {
            forceWritten();
          }
        } finally {
          commitLock.unlock();
        }
      } finally {
        forceInProgress.set(null);
        mine.complete(null);
      }
    }
  }

  /** Forces everything written so far and records it in the head; the caller holds commitLock. */
  private void forceWritten() {
    try {
      SegmentWriter ch;
      long upTo;
      String hash;
      long rotationsBefore;
      appendLock.lock();
      try {
        ensureWritable();
        ch = segment;
        upTo = lastSeq;
        hash = lastHash;
        rotationsBefore = rotations;
      } finally {
        appendLock.unlock();
      }
      try {
        ch.force();
      } catch (ClosedChannelException e) {
        // A rotation forced and closed the segment after the snapshot: its entries are durable.
        if (rotations == rotationsBefore && !closed) {
          throw e;
        }
      }
      durableSeq = upTo;
      JournalFiles.writeHead(headChannel, upTo, hash);
    } catch (IOException e) {
      throw new AuditJournalException(dir, "cannot force the journal to disk: " + e.getMessage(), e);
    }
  }

  private void ensureWritable() throws IOException {
    if (closed) {
      throw new IllegalStateException("audit journal " + dir + " is closed");
    }
    if (failure != null) {
      throw new IOException("an earlier write failed (" + failure.getMessage()
          + "); reopen the journal to repair it", failure);
    }
  }

  @Override
  public void sync() {
    commitLock.lock();
    appendLock.lock();
    try {
      ensureWritable();
      segment.force();
      durableSeq = lastSeq;
      if (lastSeq > 0) {
        JournalFiles.writeHead(headChannel, lastSeq, lastHash);
      }
    } catch (IOException e) {
      throw new AuditJournalException(dir, "cannot sync: " + e.getMessage(), e);
    } finally {
      appendLock.unlock();
      commitLock.unlock();
    }
  }

  @Override
  public long lastSequence() {
    appendLock.lock();
    try {
      return lastSeq;
    } finally {
      appendLock.unlock();
    }
  }

  @Override
  public VerificationReport verify() {
    commitLock.lock();
    appendLock.lock();
    try {
      if (!closed && failure == null) {
        segment.force();
        durableSeq = lastSeq;
        if (lastSeq > 0) {
          JournalFiles.writeHead(headChannel, lastSeq, lastHash);
        }
      }
      return JournalVerifier.verify(JournalFiles.segments(dir), dir.resolve(JournalFiles.HEAD), key);
    } catch (IOException e) {
      throw new AuditJournalException(dir, "cannot verify: " + e.getMessage(), e);
    } finally {
      appendLock.unlock();
      commitLock.unlock();
    }
  }

  @Override
  public Recovery recovery() {
    return recovery;
  }

  @Override
  public Path directory() {
    return dir;
  }

  @Override
  public void close() {
    commitLock.lock();
    appendLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (failure == null) {
        segment.force();
        durableSeq = lastSeq;
        if (lastSeq > 0) {
          JournalFiles.writeHead(headChannel, lastSeq, lastHash);
          headChannel.force(false);
        }
      }
    } catch (IOException e) {
      throw new AuditJournalException(dir, "cannot close cleanly: " + e.getMessage(), e);
    } finally {
      closeQuietly(segment);
      closeQuietly(headChannel);
      try {
        fileLock.release();
      } catch (IOException e) {
        LOG.debug("releasing the journal lock failed", e);
      }
      closeQuietly(lockChannel);
      appendLock.unlock();
      commitLock.unlock();
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, pos + b.position());
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        LOG.debug("close failed", e);
      }
    }
  }
}
