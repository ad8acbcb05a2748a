package dev.warden.consent.dsr;

import dev.warden.consent.internal.Times;
import dev.warden.consent.retention.ErasureResult;
import dev.warden.consent.retention.LegalHold;
import dev.warden.consent.retention.LegalHolds;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.consent.retention.PersonalRecord;
import dev.warden.consent.retention.RectificationResult;
import dev.warden.policy.ExemptionReason;
import dev.warden.policy.Policy;
import dev.warden.policy.RetentionExemption;
import dev.warden.policy.RetentionRule;
import dev.warden.policy.audit.Pseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries a request out in one source: reads, corrects or erases, and for an erasure keeps what an
 * exception of GDPR Art. 17(3) covers (a legal hold; records marked for a legal obligation or legal
 * claims whose exemption in the policy still runs).
 */
final class FanOut {

  private static final List<ExemptionReason> ERASURE_EXCEPTIONS =
      List.of(ExemptionReason.LEGAL_OBLIGATION, ExemptionReason.LEGAL_CLAIMS, ExemptionReason.LEGAL_HOLD);
  private static final Duration MAX_BACKOFF = Duration.ofDays(1);

  private final Policy policy;
  private final LegalHolds holds;
  private final RequestStore store;
  private final int maxAttempts;
  private final Duration retryAfter;

  FanOut(Policy policy, LegalHolds holds, RequestStore store, int maxAttempts, Duration retryAfter) {
    this.policy = policy;
    this.holds = holds;
    this.store = store;
    this.maxAttempts = maxAttempts;
    this.retryAfter = retryAfter;
  }

  /** Asks the source once and returns its new outcome; a failure is an outcome, not an exception. */
  SourceOutcome ask(DataSubjectRequest r, Pseudonym subject, PersonalDataSource s, SourceOutcome before,
      Instant now) {
    int attempts = before.attempts() + 1;
    try {
      return switch (r.type()) {
        case ACCESS, EXPORT -> {
          List<PersonalRecord> records = s.records(subject);
          store.savePart(r.id(), s.id(), records);
          yield done(s, attempts, records.size(), List.of(), null);
        }
        case RECTIFICATION -> {
          RectificationResult x = s.rectify(subject, r.corrections());
          yield x.applied() ? done(s, attempts, x.records(), List.of(), x.note())
              : new SourceOutcome(s.id(), SourceOutcome.Status.NOT_APPLICABLE, attempts, Optional.empty(),
                  Optional.empty(), 0, List.of(), Optional.of(x.note()));
        }
        case ERASURE -> erase(r, subject, s, attempts, now);
      };
    } catch (RuntimeException e) {
      Optional<Instant> next = attempts >= maxAttempts ? Optional.empty() : Optional.of(now.plus(backoff(attempts)));
      return new SourceOutcome(s.id(), SourceOutcome.Status.FAILED, attempts, Optional.of(describe(e)), next,
          before.records(), before.retained(), before.note());
    }
  }

  private Duration backoff(int attempts) {
    Duration d = retryAfter.multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static String describe(RuntimeException e) {
    String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return m.length() > 300 ? m.substring(0, 300) : m;
  }

  private static SourceOutcome done(PersonalDataSource s, int attempts, int records, List<Retained> retained,
      String note) {
    return new SourceOutcome(s.id(), SourceOutcome.Status.DONE, attempts, Optional.empty(), Optional.empty(), records,
        retained, Optional.ofNullable(note));
  }

  private SourceOutcome erase(DataSubjectRequest r, Pseudonym subject, PersonalDataSource s, int attempts,
      Instant now) {
    List<PersonalRecord> erasable = new ArrayList<>();
    Map<List<Object>, Integer> kept = new LinkedHashMap<>();
    for (PersonalRecord rec : s.records(subject)) {
      Optional<Exception17> why = exception(subject, rec, now);
      if (why.isPresent()) {
        kept.merge(List.of(rec.dataCategory(), why.get().reason(), why.get().basis()), 1, Integer::sum);
      } else {
        erasable.add(rec);
      }
    }
    ErasureResult res = s.erase(erasable, r.id());
    if (res.kept() > 0) {
      throw new IllegalStateException(res.kept() + " record(s) were not erased: " + String.join("; ", res.notes()));
    }
    List<Retained> retained = new ArrayList<>();
    kept.forEach((k, n) -> retained.add(new Retained((String) k.get(0), (ExemptionReason) k.get(1), n,
        (String) k.get(2))));
    return done(s, attempts, res.erased(), retained, null);
  }

  private record Exception17(ExemptionReason reason, String basis) {}

  private Optional<Exception17> exception(Pseudonym subject, PersonalRecord rec, Instant now) {
    if (holds != null) {
      Optional<LegalHold> h = holds.holding(subject, rec.dataCategory(), now);
      if (h.isPresent()) {
        return Optional.of(new Exception17(ExemptionReason.LEGAL_HOLD, "GDPR Art. 17(3)(e): legal hold "
            + h.get().id() + " (" + h.get().reason() + ")"));
      }
    }
    RetentionRule rule = policy.retentionFor(rec.dataCategory()).orElse(null);
    if (rule == null) {
      return Optional.empty();
    }
    for (ExemptionReason mark : ERASURE_EXCEPTIONS) {
      Optional<RetentionExemption> ex = rule.exemption(mark);
      if (!rec.exemptions().contains(mark) || ex.isEmpty()) {
        continue;
      }
      Optional<Instant> event = rec.event(rule.from());
      boolean running = ex.get().maxPeriod().isEmpty() || event.isEmpty()
          || Times.plus(event.get(), ex.get().maxPeriod().get()).isAfter(now);
      if (running) {
        String article = mark == ExemptionReason.LEGAL_OBLIGATION
            ? "GDPR Art. 17(3)(b): a legal obligation" : "GDPR Art. 17(3)(e): legal claims";
        return Optional.of(new Exception17(mark, article + " (retention rule " + rule.id()
            + ex.get().maxPeriod().map(p -> ", at most " + p).orElse("") + ")"));
      }
    }
    return Optional.empty();
  }
}
