package dev.warden.moderation.semantic;

import dev.warden.moderation.ModerationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups concurrent embedding requests into batches: a worker takes the first waiting request,
 * then gathers more until the batch holds its share of the pending requests, no submitted request
 * is left in the queue (requests other workers hold are not waited for), or the bounded wait is
 * over, and runs the encoder once for the batch. A worker's share is the pending requests divided
 * among the workers not busy encoding, so that two requests and two idle workers make two batches
 * of one on two cores rather than one batch of two on one core; the share never exceeds the
 * largest batch. A lone caller is never kept waiting. The queue is bounded: when it is full a
 * request fails at once rather than piling up.
 */
final class MicroBatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);

  private record Request(String key, CompletableFuture<float[]> result) {}

  /** The queue was full: the request was refused at once. */
  static final class QueueFull extends ModerationException {
    private static final long serialVersionUID = 1L;

    QueueFull(int capacity) {
      super("the semantic stage's queue is full (" + capacity + " prompts)");
    }
  }

  private final Function<List<String>, float[][]> encoder;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final BlockingQueue<Request> queue;
  /** Requests submitted and not yet taken from the queue by a worker. */
  private final AtomicInteger unclaimed = new AtomicInteger();
  /** Workers inside the encoder. */
  private final AtomicInteger busy = new AtomicInteger();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean closed;

  MicroBatcher(Function<List<String>, float[][]> encoder, int maxBatch, long maxWaitNanos, int workers,
      int queueCapacity) {
    this.encoder = encoder;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWaitNanos;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(this::run, "warden-semantic-batcher-" + i);
      t.setDaemon(true);
      this.workers.add(t);
      t.start();
    }
  }

  /** Queues one text; the future fails at once if the batcher is closed or its queue is full. */
  CompletableFuture<float[]> submit(String key) {
    CompletableFuture<float[]> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(new ModerationException("the semantic stage is closed"));
      return f;
    }
    unclaimed.incrementAndGet();
    if (!queue.offer(new Request(key, f))) {
      unclaimed.decrementAndGet();
      f.completeExceptionally(new QueueFull(queue.size() + queue.remainingCapacity()));
    }
    return f;
  }

  private void run() {
    List<Request> batch = new ArrayList<>(maxBatch);
    while (!closed) {
      batch.clear();
      try {
        Request first = queue.take();
        unclaimed.decrementAndGet();
        batch.add(first);
        int share = share(1 + Math.max(0, unclaimed.get()));
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < share) {
          Request r = queue.poll();
          if (r == null) {
            // Every request submitted so far is in this batch or another worker's: waiting for
            // them would only delay this one. Otherwise a caller is between counting itself and
            // queueing its request: wait for it, within the bound.
            long left = deadline - System.nanoTime();
            if (unclaimed.get() <= 0 || left <= 0) {
              break;
            }
            r = queue.poll(Math.min(left, 200_000L), TimeUnit.NANOSECONDS);
            if (r == null) {
              continue;
            }
          }
          unclaimed.decrementAndGet();
          batch.add(r);
        }
        serve(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        for (Request r : batch) {
          r.result().completeExceptionally(e);
        }
      }
    }
    failPending();
  }

  /** This worker's part of {@code pending} requests: divided among the idle workers, itself included. */
  int share(int pending) {
    int idle = Math.max(1, workers.size() - busy.get());
    int share = (pending + idle - 1) / idle;
    return Math.max(1, Math.min(maxBatch, share));
  }

  private void serve(List<Request> batch) {
    // Callers that gave up (timed out) are skipped; identical texts are embedded once.
    Map<String, List<Request>> byKey = new LinkedHashMap<>();
    for (Request r : batch) {
      if (!r.result().isDone()) {
        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>(1)).add(r);
      }
    }
    if (byKey.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>(byKey.keySet());
    float[][] out;
    busy.incrementAndGet();
    try {
      out = encoder.apply(keys);
    } finally {
      // Idle again before the callers hear back: their next requests count this worker as free.
      busy.decrementAndGet();
    }
    LOG.debug("semantic batch of {} ({} distinct)", batch.size(), keys.size());
    for (int i = 0; i < keys.size(); i++) {
      for (Request r : byKey.get(keys.get(i))) {
        r.result().complete(out[i]);
      }
    }
  }

  private void failPending() {
    Request r;
    while ((r = queue.poll()) != null) {
      r.result().completeExceptionally(new ModerationException("the semantic stage is closed"));
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : workers) {
      t.interrupt();
    }
    for (Thread t : workers) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    failPending();
  }
}
