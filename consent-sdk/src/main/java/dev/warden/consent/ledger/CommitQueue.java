package dev.warden.consent.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The journal store's group commit: appenders queue their records here and one writer thread
 * takes everything queued, writes it to the journal with one write and one sync, then acknowledges
 * each appender. While one batch syncs the next one gathers, so the number of syncs per second,
 * not the number of appenders, bounds the rate only when there is little to write. Futures
 * complete on the writer thread, in append order.
 */
final class CommitQueue {

  /** The most records written with one journal write. */
  static final int MAX_BATCH = 8192;

  /** A queued record, its journal payload (made by the appender's thread) and its acknowledgement. */
  record Pending(ConsentRecord record, Map<String, Object> payload, CompletableFuture<ConsentRecord> done) {}

  private static final Pending STOP = new Pending(null, null, null);

  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Consumer<List<Pending>> writer;
  private final String threadName;
  private final String closedMessage;
  private Thread thread; // guarded by this
  private boolean closed; // guarded by this
  private volatile CompletableFuture<ConsentRecord> lastQueued;

  /**
   * @param writer writes a batch durably and completes each pending future (normally or
   *     exceptionally); it must not throw
   */
  CommitQueue(Consumer<List<Pending>> writer, String threadName, String closedMessage) {
    this.writer = writer;
    this.threadName = threadName;
    this.closedMessage = closedMessage;
  }

  /**
   * Queues a record.
   *
   * @throws IllegalStateException if the queue was closed
   */
  CompletableFuture<ConsentRecord> submit(ConsentRecord record, Map<String, Object> payload) {
    Pending p = new Pending(record, payload, new CompletableFuture<>());
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException(closedMessage);
      }
      if (thread == null) {
        thread = Thread.ofPlatform().daemon().name(threadName).start(this::run);
      }
      queue.add(p);
      lastQueued = p.done();
    }
    return p.done();
  }

  /** Waits until every record queued before this call is written or has failed. */
  void flush() {
    CompletableFuture<ConsentRecord> last = lastQueued;
    if (last != null && Thread.currentThread() != threadOrNull()) {
      last.exceptionally(e -> null).join();
    }
  }

  /** Writes what is queued, stops the writer thread and refuses further records. */
  void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = thread;
      if (t != null) {
        queue.add(STOP);
      }
    }
    if (t != null && t != Thread.currentThread()) {
      boolean interrupted = false;
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the queued records must still be written before the journal closes
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized Thread threadOrNull() {
    return thread;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      Pending first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        continue; // only close() stops the writer, after the queue is drained
      }
      boolean stop = first == STOP;
      if (!stop) {
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        if (batch.get(batch.size() - 1) == STOP) {
          batch.remove(batch.size() - 1);
          stop = true;
        }
        try {
          writer.accept(batch);
        } catch (Throwable e) {
          for (Pending p : batch) {
            p.done().completeExceptionally(e);
          }
        }
        batch.clear();
      }
      if (stop) {
        return;
      }
    }
  }
}
