package dev.warden.consent.retention;

import dev.warden.consent.ledger.ErasureProof;
import dev.warden.policy.RetentionRule;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retention run: phases of bounded batches, a checkpoint after each, recovery of the batch a
 * crash interrupted. Subjects are processed in the order of their erasure digests, so the
 * checkpoint names none of them and a resumed run finds its place without listing what is gone.
 */
final class RetentionRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionRunner.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ERASED = 0;
  private static final int KEPT = 1;
  private static final int HELD = 2;
  private static final int RECOVERED = 3;

  private final RetentionEngine engine;
  private final Path dir;
  private final Set<String> problems = new LinkedHashSet<>();
  private Checkpoint cp;

  RetentionRunner(RetentionEngine engine) {
    this.engine = engine;
    this.dir = engine.checkpointDirectory;
  }

  RetentionRun run() {
    try (RunLock lock = RunLock.acquire(dir)) {
      engine.reloadHolds();
      List<String> specProblems = new ArrayList<>();
      List<RetentionEngine.PhaseSpec> specs = engine.phases(specProblems);
      problems.addAll(specProblems);
      boolean resumed = start();
      List<RetentionRun.PhaseResult> results = new ArrayList<>();
      for (RetentionEngine.PhaseSpec spec : specs) {
        boolean failed = false;
        if (!cp.completed.contains(spec.key())) {
          try {
            runPhase(spec);
          } catch (RetentionException e) {
            throw e; // the checkpoint cannot be written: stop, the next run resumes
          } catch (RuntimeException e) {
            failed = true;
            problems.add("source " + spec.source().id() + " failed on '" + spec.category() + "' ("
                + e.getClass().getSimpleName() + "): the next run retries it");
            LOG.debug("retention run {}: source {} failed on {}", cp.run, spec.source().id(), spec.category(), e);
            engine.audit.append("retention.phase-failed", payload("source", spec.source().id(), "dataCategory",
                spec.category(), "error", e.getClass().getName()));
          }
        }
        long[] c = cp.counts(spec.key());
        results.add(new RetentionRun.PhaseResult(spec.source().id(), spec.category(), spec.rule().id(),
            c[ERASED], c[KEPT], c[HELD], c[RECOVERED], failed));
      }
      purge();
      RetentionRun run = new RetentionRun(cp.run, cp.at, resumed, results, List.copyOf(problems));
      Map<String, Object> done = payload("erased", run.erased(), "held", run.held());
      done.put("kept", results.stream().mapToLong(RetentionRun.PhaseResult::kept).sum());
      done.put("recovered", results.stream().mapToLong(RetentionRun.PhaseResult::recovered).sum());
      done.put("failedPhases", results.stream().filter(RetentionRun.PhaseResult::failed).count());
      engine.audit.append("retention.completed", done);
      cp.delete(dir);
      return run;
    } finally {
      if (cp != null) {
        cp.close();
      }
    }
  }

  /** Resumes the interrupted run, or begins one; returns whether it resumed. */
  private boolean start() {
    String policy = engine.policy.ref().toString();
    Checkpoint found = Checkpoint.read(dir);
    if (found != null && !found.policy.equals(policy)) {
      // Its phases were planned under other rules: start over; erasure already done stays done.
      cp = found;
      engine.audit.append("retention.abandoned", payload("policy", found.policy, "reason", "the policy changed"));
      found.delete(dir);
      found = null;
    }
    if (found != null) {
      cp = found;
      engine.audit.append("retention.resumed", payload("at", cp.at.toString()));
      return true;
    }
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    cp = new Checkpoint("ret-" + HexFormat.of().formatHex(id), engine.clock.instant(), policy);
    cp.write(dir);
    engine.audit.append("retention.started", payload("at", cp.at.toString(), "policy", policy));
    return false;
  }

  /** A record past its period, and whether only an exemption keeps it. */
  private record Item(PersonalRecord record, boolean exempt) {}

  private void runPhase(RetentionEngine.PhaseSpec spec) {
    RetentionRule rule = spec.rule();
    String key = spec.key();
    if (!key.equals(cp.phase)) {
      cp.phase = key;
      cp.cursor = null;
      cp.inflightLast = null;
      cp.inflightRecords = 0;
    }
    long[] before = cp.counts(key).clone();
    SortedMap<String, List<Item>> bySubject = new TreeMap<>();
    Map<Pseudonym, String> digests = new HashMap<>();
    try (Stream<PersonalRecord> s = spec.source().recordsBefore(spec.category(), rule.from(),
        RetentionSchedule.queryCutoff(rule, cp.at))) {
      s.forEach(r -> {
        RetentionSchedule.Standing st = RetentionSchedule.standing(rule, r, cp.at);
        if (!(st instanceof RetentionSchedule.NotDue)) {
          String d = digests.computeIfAbsent(r.subject(), ErasureProof::digestOf);
          bySubject.computeIfAbsent(d, k -> new ArrayList<>())
              .add(new Item(r, st instanceof RetentionSchedule.Exempt));
        }
      });
    }
    long[] c = cp.counts(key);
    if (cp.inflightRecords > 0) {
      recover(spec, bySubject, c);
    }
    SortedMap<String, List<Item>> todo = cp.cursor == null ? bySubject : bySubject.tailMap(cp.cursor + "\0");
    Batch batch = new Batch();
    for (Map.Entry<String, List<Item>> e : todo.entrySet()) {
      List<Item> items = e.getValue();
      Optional<LegalHold> hold = engine.holding(items.get(0).record(), cp.at);
      boolean erasing = false;
      for (Item i : items) {
        if (hold.isPresent() || i.exempt()) {
          batch.held++;
        } else {
          batch.records.add(i.record());
          erasing = true;
        }
      }
      batch.last = e.getKey();
      if (batch.records.size() >= engine.batchSize) {
        flush(spec, batch, c);
        batch = new Batch();
      }
    }
    boolean wrote = batch.last != null || cp.cursor != null;
    if (batch.last != null) {
      flush(spec, batch, c);
    }
    cp.completed.add(key);
    cp.phase = null;
    cp.cursor = null;
    if (wrote) {
      cp.write(dir); // a phase that found nothing needs no mark: redoing it after a crash finds nothing again
      Map<String, Object> p = phasePayload(spec);
      p.put("erased", c[ERASED] - before[ERASED]);
      p.put("kept", c[KEPT] - before[KEPT]);
      p.put("held", c[HELD] - before[HELD]);
      engine.audit.append("retention.phase", p);
    }
  }

  /** A batch being gathered: the records to erase, what is held, and its last subject's digest. */
  private static final class Batch {
    final List<PersonalRecord> records = new ArrayList<>();
    long held;
    String last;
  }

  /**
   * Erases a batch. The state written first names the batch's range of subjects (after the cursor,
   * up to its last digest) and the end of the batch before it: one write per batch. After a crash,
   * {@link #recover} counts what of that range was erased.
   */
  private void flush(RetentionEngine.PhaseSpec spec, Batch batch, long[] c) {
    if (!batch.records.isEmpty()) {
      cp.inflightLast = batch.last;
      cp.inflightRecords = batch.records.size();
      cp.write(dir);
      ErasureResult r = spec.source().erase(batch.records, "retention:" + cp.run);
      c[ERASED] += r.erased();
      c[KEPT] += r.kept();
      problems.addAll(r.notes().stream().map(n -> "source " + spec.source().id() + ": " + n).toList());
    }
    c[HELD] += batch.held;
    cp.cursor = batch.last;
    cp.inflightLast = null;
    cp.inflightRecords = 0;
  }

  /**
   * The batch a crash interrupted: its subjects' records still due were not erased; the rest were.
   * They are counted now, and the next batch erases what remains (the cursor stays before them).
   */
  private void recover(RetentionEngine.PhaseSpec spec, SortedMap<String, List<Item>> bySubject, long[] c) {
    SortedMap<String, List<Item>> range = cp.cursor == null ? bySubject.headMap(cp.inflightLast + "\0")
        : bySubject.subMap(cp.cursor + "\0", cp.inflightLast + "\0");
    long remaining = 0;
    for (List<Item> items : range.values()) {
      if (engine.holding(items.get(0).record(), cp.at).isEmpty()) {
        remaining += items.stream().filter(i -> !i.exempt()).count();
      }
    }
    long recovered = Math.max(0, cp.inflightRecords - remaining);
    c[ERASED] += recovered;
    c[RECOVERED] += recovered;
    Map<String, Object> p = phasePayload(spec);
    p.put("erased", recovered);
    p.put("remaining", remaining);
    engine.audit.append("retention.recovered", p);
    cp.inflightLast = null;
    cp.inflightRecords = 0;
  }

  private void purge() {
    for (PersonalDataSource s : engine.sources) {
      try {
        s.purge();
      } catch (RuntimeException e) {
        problems.add("source " + s.id() + " could not purge erased records (" + e.getClass().getSimpleName()
            + "): they are removed from disk by its next purge");
        LOG.debug("retention run {}: purging {} failed", cp.run, s.id(), e);
      }
    }
  }

  private Map<String, Object> phasePayload(RetentionEngine.PhaseSpec spec) {
    return payload("source", spec.source().id(), "dataCategory", spec.category(), "rule", spec.rule().id());
  }

  /** The run id first, then the given key-value pairs. */
  private Map<String, Object> payload(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", cp == null ? null : cp.run);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Keeps two processes from running retention on one checkpoint directory at once. */
  private record RunLock(FileChannel channel, FileLock lock) implements AutoCloseable {

    static RunLock acquire(Path dir) {
      if (dir == null) {
        return new RunLock(null, null);
      }
      FileChannel ch = null;
      try {
        Files.createDirectories(dir);
        ch = FileChannel.open(dir.resolve("retention.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l = ch.tryLock();
        if (l == null) {
          throw new OverlappingFileLockException();
        }
        return new RunLock(ch, l);
      } catch (OverlappingFileLockException e) {
        close(ch);
        throw new RetentionException("another retention run is in progress in " + dir);
      } catch (IOException e) {
        close(ch);
        throw new RetentionException("cannot lock " + dir + " for a retention run: " + e.getMessage(), e);
      }
    }

    private static void close(FileChannel ch) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException e) {
          LOG.debug("closing the retention lock failed", e);
        }
      }
    }

    @Override
    public void close() {
      try {
        if (lock != null) {
          lock.release();
        }
      } catch (IOException e) {
        LOG.debug("releasing the retention lock failed", e);
      } finally {
        close(channel);
      }
    }
  }
}
