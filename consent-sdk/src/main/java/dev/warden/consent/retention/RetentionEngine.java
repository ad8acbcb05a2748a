package dev.warden.consent.retention;

import dev.warden.policy.Policy;
import dev.warden.policy.RetentionRule;
import dev.warden.policy.audit.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the policy's retention schedule into erasures: for every source and data category with a
 * rule, the records whose period (counted from the rule's event, extended by the exemptions they
 * are marked with) has ended are erased through their source, unless a {@link LegalHold} covers
 * them. Thread-safe; one run at a time per checkpoint directory.
 *
 * <p>A run works in bounded batches and writes a checkpoint after each, so a run interrupted by a
 * crash is finished by the next {@link #run()}, at the instant it began, without erasing anything
 * twice or missing anything; running again when nothing is due erases nothing. {@link #plan()} is
 * the dry run: what would go, and what is kept and why. Runs, batches and holds are audited.
 *
 * {@snippet :
 * RetentionEngine engine = RetentionEngine.builder()
 *     .policy(policy)
 *     .source(PersonalDataSource.consentLedger(consentStore))
 *     .source(auditSource)
 *     .holds(holds)
 *     .audit(auditSource)
 *     .checkpointDirectory(Path.of("retention"))
 *     .build();
 * RetentionPlan plan = engine.plan();   // dry run
 * RetentionRun run = engine.run();
 * }
 */
public final class RetentionEngine {


  final Policy policy;
  final List<PersonalDataSource> sources;
  final LegalHolds holds;
  final AuditLog audit;
  final Clock clock;
  final Path checkpointDirectory;
  final int batchSize;

  private RetentionEngine(Builder b) {
    this.policy = b.policy;
    this.sources = List.copyOf(b.sources.values());
    this.holds = b.holds;
    this.audit = b.audit;
    this.clock = b.clock;
    this.checkpointDirectory = b.checkpointDirectory;
    this.batchSize = b.batchSize;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this engine's settings (for example to swap in a new policy). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.policy = policy;
    sources.forEach(b::source);
    b.holds = holds;
    b.audit = audit;
    b.clock = clock;
    b.checkpointDirectory = checkpointDirectory;
    b.batchSize = batchSize;
    return b;
  }

  /** The policy whose rules the engine applies. */
  public Policy policy() {
    return policy;
  }

  /** What a run now would erase and keep: the dry run. Changes nothing and audits nothing. */
  public RetentionPlan plan() {
    return plan(clock.instant());
  }

  /** What a run at {@code at} would erase and keep, on the data as it is now. */
  public RetentionPlan plan(Instant at) {
    Objects.requireNonNull(at, "at");
    reloadHolds();
    List<String> problems = new ArrayList<>();
    List<RetentionPlan.Phase> phases = new ArrayList<>();
    for (PhaseSpec spec : phases(problems)) {
      List<RetentionPlan.Due> due = new ArrayList<>();
      List<RetentionPlan.Held> held = new ArrayList<>();
      try (Stream<PersonalRecord> s = spec.source().recordsBefore(spec.category(), spec.rule().from(),
          RetentionSchedule.queryCutoff(spec.rule(), at))) {
        s.forEach(r -> {
          RetentionSchedule.Standing st = RetentionSchedule.standing(spec.rule(), r, at);
          if (st instanceof RetentionSchedule.NotDue) {
            return;
          }
          Optional<LegalHold> h = holding(r, at);
          if (h.isPresent()) {
            held.add(new RetentionPlan.Held(r, "legal hold " + h.get().id()));
          } else if (st instanceof RetentionSchedule.Exempt e) {
            held.add(new RetentionPlan.Held(r, e.why()));
          } else {
            due.add(new RetentionPlan.Due(r, ((RetentionSchedule.Due) st).at()));
          }
        });
      }
      phases.add(new RetentionPlan.Phase(spec.source().id(), spec.category(), spec.rule(), due, held));
    }
    return new RetentionPlan(at, policy.ref(), phases, problems);
  }

  /**
   * Erases what is due now, or finishes the run a crash interrupted (at its instant, then returns;
   * call again for a run now).
   *
   * @throws RetentionException if another process is running retention on the same checkpoint
   *     directory, or the checkpoint cannot be written (the run can be resumed)
   */
  public synchronized RetentionRun run() {
    return new RetentionRunner(this).run();
  }

  /** Whether a run was interrupted and waits to be finished by {@link #run()}. */
  public boolean hasInterruptedRun() {
    return Checkpoint.read(checkpointDirectory) != null;
  }

  Optional<LegalHold> holding(PersonalRecord r, Instant at) {
    return holds == null ? Optional.empty() : holds.holding(r.subject(), r.dataCategory(), at);
  }

  void reloadHolds() {
    if (holds != null) {
      holds.reload();
    }
  }

  /** One source's records of one category, under one rule. */
  record PhaseSpec(PersonalDataSource source, String category, RetentionRule rule) {
    String key() {
      return source.id() + "/" + category;
    }
  }

  /** The phases to run, in the policy's rule order then the sources' order; problems for the rest. */
  List<PhaseSpec> phases(List<String> problems) {
    List<PhaseSpec> out = new ArrayList<>();
    for (RetentionRule rule : policy.retention()) {
      for (PersonalDataSource s : sources) {
        if (!s.dataCategories().contains(rule.dataCategory())) {
          continue;
        }
        if (s.triggers(rule.dataCategory()).contains(rule.from())) {
          out.add(new PhaseSpec(s, rule.dataCategory(), rule));
        } else {
          problems.add("source " + s.id() + " cannot date '" + RetentionSchedule.name(rule.from()) + "' for '"
              + rule.dataCategory() + "' (rule " + rule.id() + "): its records are kept");
        }
      }
    }
    for (PersonalDataSource s : sources) {
      for (String c : s.dataCategories().stream().sorted().toList()) {
        if (policy.retentionFor(c).isEmpty()) {
          problems.add("source " + s.id() + " holds '" + c + "', which has no retention rule in policy "
              + policy.ref() + ": its records are kept");
        }
      }
    }
    return out;
  }

  /** Configures a {@link RetentionEngine}. */
  public static final class Builder {
    private Policy policy;
    private final Map<String, PersonalDataSource> sources = new LinkedHashMap<>();
    private LegalHolds holds;
    private AuditLog audit;
    private Clock clock = Clock.systemUTC();
    private Path checkpointDirectory;
    private int batchSize = 5_000;

    private Builder() {}

    /** The policy whose retention rules apply. Required. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Adds a source; call once per source.
     *
     * @throws IllegalArgumentException if its id is malformed or already taken
     */
    public Builder source(PersonalDataSource source) {
      PersonalDataSource.addById(sources, source);
      return this;
    }

    /** The legal holds to respect; default none. */
    public Builder holds(LegalHolds holds) {
      this.holds = Objects.requireNonNull(holds, "holds");
      return this;
    }

    /** Where runs and their batches are recorded. Required. */
    public Builder audit(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /** The clock that says when a run happens; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The directory for the checkpoint and the run lock; without one an interrupted run cannot be
     * resumed (running again is still safe: erasure is idempotent).
     */
    public Builder checkpointDirectory(Path dir) {
      this.checkpointDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** How many records one batch erases at most (a subject's records stay together); default 5,000. */
    public Builder batchSize(int records) {
      if (records < 1 || records > 1_000_000) {
        throw new IllegalArgumentException("batchSize must be in [1, 1000000], got " + records);
      }
      this.batchSize = records;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalStateException if the policy, the audit log or every source is missing
     */
    public RetentionEngine build() {
      if (policy == null) {
        throw new IllegalStateException("a retention engine needs a policy: call policy(...)");
      }
      if (audit == null) {
        throw new IllegalStateException("a retention engine needs an audit log: call audit(...)");
      }
      if (sources.isEmpty()) {
        throw new IllegalStateException("a retention engine needs at least one source: call source(...)");
      }
      return new RetentionEngine(this);
    }
  }
}
