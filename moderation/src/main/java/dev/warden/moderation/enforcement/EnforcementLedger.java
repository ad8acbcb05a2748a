package dev.warden.moderation.enforcement;

import dev.warden.policy.EnforcementAction;
import dev.warden.policy.EnforcementLadder;
import dev.warden.policy.EnforcementStep;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditLog;
import dev.warden.policy.audit.Pseudonym;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records violations per account and applies the policy's enforcement ladder: each violation
 * counts the account's violations inside the ladder's window and applies the strictest step that
 * count reaches (warn, suspend for a duration, terminate). A violation of a zero-tolerance
 * category (by default {@code sexual/minors}) terminates the account and raises a report at once;
 * so does any violation whose decision required a report, without the termination. Immutable and
 * thread-safe: concurrent violations of one account are counted one after another by the store.
 *
 * <p>Reports go to the {@link ReportSink} before the violation is stored, so that a failure never
 * loses a report (a retried violation may report twice, never zero times). Reports and records
 * carry the {@link EvidenceHash} of the content, never the content; accounts are {@link
 * Pseudonym}s. Time comes from the injected {@link Clock}.
 *
 * {@snippet :
 * EnforcementLedger ledger = EnforcementLedger.builder()
 *     .policy(policy)
 *     .store(EnforcementStore.journal(journal))
 *     .auditLog(journal)
 *     .build();
 * EnforcementOutcome o = ledger.record(account, Violation.of(decision, EvidenceHash.of(bytes),
 *     policy.enforcement().zeroTolerance()));
 * }
 */
public final class EnforcementLedger {

  private final Policy policy;
  private final EnforcementStore store;
  private final ReportSink sink;
  private final Clock clock;

  private EnforcementLedger(Builder b) {
    this.policy = b.policy;
    this.store = b.store;
    this.sink = b.sink;
    this.clock = b.clock;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this ledger's settings (to swap in a new policy). */
  public Builder toBuilder() {
    return new Builder().policy(policy).store(store).reportSink(sink).clock(clock);
  }

  /** The policy whose ladder applies. */
  public Policy policy() {
    return policy;
  }

  /** Records a violation by {@code account} and applies the ladder. */
  public EnforcementOutcome record(Pseudonym account, Violation violation) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(violation, "violation");
    EnforcementLadder ladder = policy.enforcement();
    Instant now = clock.instant();
    boolean zeroTolerance = ladder.zeroTolerance().contains(violation.category());
    Optional<Report> report = Optional.empty();
    if (zeroTolerance || violation.reportRequired()) {
      Report r = new Report(account, violation.category(), violation.severity(), violation.evidence(),
          now, zeroTolerance ? "zero-tolerance" : "policy-action", policy.ref());
      sink.report(r);
      report = Optional.of(r);
    }
    ViolationRecord v = new ViolationRecord(violation.category(), violation.severity(), now,
        violation.evidence());
    AtomicReference<Optional<EnforcementAction>> applied = new AtomicReference<>();
    AccountRecord next = store.update(account, rec -> {
      List<ViolationRecord> kept = inWindow(rec.violations(), ladder, now);
      kept.add(v);
      Optional<Instant> until = rec.suspendedUntil();
      Optional<Instant> terminated = rec.terminatedAt();
      Optional<EnforcementAction> action;
      if (terminated.isPresent() || zeroTolerance) {
        action = Optional.of(EnforcementAction.TERMINATE);
        terminated = terminated.or(() -> Optional.of(now));
      } else {
        Optional<EnforcementStep> step = ladder.stepFor(kept.size());
        action = step.map(EnforcementStep::action);
        if (step.isPresent() && step.get().action() == EnforcementAction.SUSPEND) {
          Instant end = now.atZone(ZoneOffset.UTC).plus(step.get().duration().orElseThrow()).toInstant();
          until = Optional.of(until.filter(u -> u.isAfter(end)).orElse(end));
        } else if (step.isPresent() && step.get().action() == EnforcementAction.TERMINATE) {
          terminated = Optional.of(now);
        }
      }
      applied.set(action);
      return new AccountRecord(account, kept, rec.totalViolations() + 1, until, terminated);
    });
    AccountStatus status = status(next, now);
    return new EnforcementOutcome(account, applied.get(), status.violationsInWindow(), status.standing(),
        status.suspendedUntil(), report);
  }

  /** Where {@code account} stands now. */
  public AccountStatus status(Pseudonym account) {
    return status(store.get(Objects.requireNonNull(account, "account")), clock.instant());
  }

  private AccountStatus status(AccountRecord r, Instant now) {
    int count = inWindow(r.violations(), policy.enforcement(), now).size();
    Optional<Instant> until = r.suspendedUntil().filter(now::isBefore);
    Standing s = r.terminatedAt().isPresent() ? Standing.TERMINATED
        : until.isPresent() ? Standing.SUSPENDED
        : count > 0 ? Standing.WARNED : Standing.ACTIVE;
    return new AccountStatus(r.account(), s, count, s == Standing.SUSPENDED ? until : Optional.empty());
  }

  private static List<ViolationRecord> inWindow(List<ViolationRecord> all, EnforcementLadder ladder,
      Instant now) {
    Instant cutoff = now.atZone(ZoneOffset.UTC).minus(ladder.window()).toInstant();
    List<ViolationRecord> kept = new ArrayList<>(all.size() + 1);
    for (ViolationRecord v : all) {
      if (v.at().isAfter(cutoff)) {
        kept.add(v);
      }
    }
    return kept;
  }

  /** Configures an {@link EnforcementLedger}; each setter checks its argument. */
  public static final class Builder {
    private Policy policy = Policy.defaultPolicy();
    private EnforcementStore store = EnforcementStore.inMemory();
    private ReportSink sink;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The policy whose ladder and zero-tolerance list apply; default {@link Policy#defaultPolicy()}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Where account records live; default {@link EnforcementStore#inMemory()}. */
    public Builder store(EnforcementStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Where reports go. */
    public Builder reportSink(ReportSink sink) {
      this.sink = Objects.requireNonNull(sink, "reportSink");
      return this;
    }

    /** Reports go to {@code log}, the audit journal (the default sink). */
    public Builder auditLog(AuditLog log) {
      return reportSink(ReportSink.auditLog(log));
    }

    /** The clock violations are timed by; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the ledger.
     *
     * @throws IllegalStateException if neither a report sink nor an audit log was given: reports
     *     of illegal content must go somewhere
     */
    public EnforcementLedger build() {
      if (sink == null) {
        throw new IllegalStateException("an enforcement ledger needs a report sink or an audit log"
            + " (reports of zero-tolerance violations must go somewhere)");
      }
      return new EnforcementLedger(this);
    }
  }
}
