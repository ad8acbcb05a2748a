package dev.warden.consent.retention;

import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.Pseudonym;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The child JVM of {@link RetentionCrashTest}: runs retention and prints {@code ERASED <source> <n>}
 * after every batch. {@code halt:N} halts the JVM right after the N-th batch's erasure, before the
 * checkpoint that follows; {@code slow} pauses after each batch so the test can kill it mid-run.
 */
public final class RetentionCrashChild {

  private RetentionCrashChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String mode = args[1];
    int haltAfter = mode.startsWith("halt:") ? Integer.parseInt(mode.substring(5)) : -1;
    AtomicInteger batches = new AtomicInteger();
    PrintStream out = System.out;
    Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
    try (CrashFixture f = new CrashFixture(dir, clock, s -> new Announcing(s, out, batches, haltAfter,
        mode.equals("slow")))) {
      f.engine.run();
      out.println("DONE");
    }
  }

  /** A source that reports each batch and crashes on cue. */
  private record Announcing(PersonalDataSource d, PrintStream out, AtomicInteger batches, int haltAfter,
      boolean slow) implements PersonalDataSource {

    @Override
    public ErasureResult erase(Collection<PersonalRecord> records, String reference) {
      ErasureResult r = d.erase(records, reference);
      int n = batches.incrementAndGet();
      if (n == haltAfter) {
        Runtime.getRuntime().halt(3); // no shutdown hooks, no checkpoint: a crash after the erasure
      }
      synchronized (out) {
        out.println("ERASED " + d.id() + " " + r.erased());
        out.flush();
      }
      if (slow) {
        try {
          Thread.sleep(30);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return r;
    }

    @Override
    public String id() {
      return d.id();
    }

    @Override
    public String origin() {
      return d.origin();
    }

    @Override
    public Set<String> dataCategories() {
      return d.dataCategories();
    }

    @Override
    public Set<RetentionTrigger> triggers(String dataCategory) {
      return d.triggers(dataCategory);
    }

    @Override
    public List<PersonalRecord> records(Pseudonym subject) {
      return d.records(subject);
    }

    @Override
    public Stream<PersonalRecord> recordsBefore(String dataCategory, RetentionTrigger from, Instant cutoff) {
      return d.recordsBefore(dataCategory, from, cutoff);
    }

    @Override
    public void purge() {
      d.purge();
    }
  }
}
