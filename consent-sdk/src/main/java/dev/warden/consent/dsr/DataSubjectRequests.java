package dev.warden.consent.dsr;

import dev.warden.consent.internal.Times;
import dev.warden.consent.ledger.ErasureProof;
import dev.warden.consent.retention.LegalHolds;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.policy.DataSubjectRight;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditLog;
import dev.warden.policy.audit.Pseudonym;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Data-subject requests (GDPR Art. 15 to 17 and 20): each is received, verified, carried out in
 * every {@link PersonalDataSource}, and completed, refused with a reason, or extended, within the
 * deadline the policy sets ({@code dataSubjectRights}: one month, extendable by two). Every step is
 * audited (by request id; the audit log never names the subject) and stored, so a request survives
 * a restart. Thread-safe; steps are serialised.
 *
 * <p>A source that fails is retried ({@link #retryDue()}, with growing back-off) while the others
 * keep their answers. An erasure keeps what a legal hold or a running legal-obligation or
 * legal-claims exemption covers and records it (Art. 17(3)); when nothing is kept, the subject's
 * other requests, their delivered data and released holds are scrubbed, so only the sources'
 * erasure proofs and the subject's digest remain. {@link #export(String)} gives an access or export
 * request's answer as one JSON document (docs/retention-and-dsr.md).
 *
 * {@snippet :
 * try (DataSubjectRequests dsr = DataSubjectRequests.builder()
 *     .policy(policy).source(PersonalDataSource.consentLedger(store)).source(auditSource)
 *     .audit(auditSource).directory(Path.of("dsr")).open()) {
 *   DataSubjectRequest r = dsr.submit(RequestType.EXPORT, subject);
 *   dsr.verify(r.id(), "signed-in session");
 *   dsr.process(r.id());
 *   String json = dsr.export(r.id());
 * }
 * }
 */
public final class DataSubjectRequests implements AutoCloseable {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private final Policy policy;
  private final Map<String, PersonalDataSource> sources;
  private final LegalHolds holds;
  private final AuditLog audit;
  private final Clock clock;
  private final RequestStore store;
  private final FanOut fanOut;
  private final Supplier<String> ids;
  private final List<String> order;
  private final Map<String, DataSubjectRequest> requests; // guarded by this

  DataSubjectRequests(DataSubjectRequestsBuilder b, RequestStore store) {
    this.policy = b.policy;
    this.sources = Map.copyOf(b.sources);
    this.holds = b.holds;
    this.audit = b.audit;
    this.clock = b.clock;
    this.store = store;
    this.fanOut = new FanOut(b.policy, b.holds, store, b.maxAttempts, b.retryAfter);
    this.ids = b.ids;
    this.order = List.copyOf(b.sources.keySet());
    this.requests = new LinkedHashMap<>(store.load());
  }

  public static DataSubjectRequestsBuilder builder() {
    return new DataSubjectRequestsBuilder();
  }

  /**
   * Receives an access, export or erasure request. A right the policy does not grant is refused
   * at once, with the reason.
   *
   * @throws IllegalArgumentException for a rectification (use {@link #submitRectification})
   */
  public synchronized DataSubjectRequest submit(RequestType type, Pseudonym subject) {
    Objects.requireNonNull(type, "type");
    if (type == RequestType.RECTIFICATION) {
      throw new IllegalArgumentException("a rectification carries its corrections: use submitRectification");
    }
    return receive(type, subject, Map.of());
  }

  /**
   * Receives a rectification: the corrected values, by field name, as the host's request form
   * gives them. They are kept until the request ends, then only their names.
   *
   * @throws IllegalArgumentException if there are no corrections or a field name is blank
   */
  public synchronized DataSubjectRequest submitRectification(Pseudonym subject, Map<String, Object> corrections) {
    Objects.requireNonNull(corrections, "corrections");
    if (corrections.isEmpty()) {
      throw new IllegalArgumentException("a rectification needs at least one correction");
    }
    corrections.keySet().forEach(k -> {
      if (k == null || k.isBlank()) {
        throw new IllegalArgumentException("a corrected field needs a name, got '" + k + "'");
      }
    });
    return receive(RequestType.RECTIFICATION, subject, corrections);
  }

  private DataSubjectRequest receive(RequestType type, Pseudonym subject, Map<String, Object> corrections) {
    Objects.requireNonNull(subject, "subject");
    String id = ids.get();
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalStateException("request ids are 1 to 64 characters of [A-Za-z0-9_.:-], got '" + id + "'");
    }
    if (requests.containsKey(id)) {
      throw new IllegalStateException("the id supplier gave '" + id + "' twice");
    }
    Instant now = clock.instant();
    List<SourceOutcome> outcomes = order.stream().map(SourceOutcome::pending).toList();
    DataSubjectRequest r = new DataSubjectRequest(id, type, Optional.of(subject), ErasureProof.digestOf(subject), now,
        Times.plus(now, policy.dataSubjectRights().responseTime()), Period.ZERO, RequestState.RECEIVED,
        List.of(new Transition(RequestState.RECEIVED, now, Optional.empty())), outcomes, Optional.empty(),
        corrections, List.of());
    r = step(r, "dsr.received", Map.of("type", type.id(), "dueAt", r.dueAt().toString()));
    DataSubjectRight right = switch (type) {
      case ACCESS -> DataSubjectRight.ACCESS;
      case EXPORT -> DataSubjectRight.PORTABILITY;
      case RECTIFICATION -> DataSubjectRight.RECTIFICATION;
      case ERASURE -> DataSubjectRight.ERASURE;
    };
    if (!policy.dataSubjectRights().rights().contains(right)) {
      return refuse(r, "policy " + policy.ref() + " does not grant the right of " + right.name().toLowerCase(
          java.util.Locale.ROOT));
    }
    return r;
  }

  /** Records that the host confirmed the subject's identity; {@code how} says how (never personal data). */
  public synchronized DataSubjectRequest verify(String id, String how) {
    DataSubjectRequest r = require(id, RequestState.RECEIVED);
    return step(r.to(RequestState.VERIFIED, clock.instant(), how), "dsr.verified", Map.of());
  }

  /**
   * Carries a verified request out: asks every source that has not answered (failed ones again),
   * and completes the request when all have.
   *
   * @throws DsrException if the request is not verified, or is finished
   */
  public synchronized DataSubjectRequest process(String id) {
    DataSubjectRequest r = require(id, RequestState.VERIFIED, RequestState.IN_PROGRESS, RequestState.EXTENDED);
    return run(r, true);
  }

  /** Asks again the failed sources whose retry time has come, in every unfinished request. */
  public synchronized List<DataSubjectRequest> retryDue() {
    Instant now = clock.instant();
    List<DataSubjectRequest> out = new ArrayList<>();
    for (DataSubjectRequest r : List.copyOf(requests.values())) {
      boolean due = (r.state() == RequestState.IN_PROGRESS || r.state() == RequestState.EXTENDED)
          && r.sources().stream().anyMatch(s -> s.status() == SourceOutcome.Status.FAILED
              && s.nextAttemptAt().map(t -> !t.isAfter(now)).orElse(false));
      if (due) {
        out.add(run(r, false));
      }
    }
    return out;
  }

  private DataSubjectRequest run(DataSubjectRequest request, boolean all) {
    DataSubjectRequest r = request;
    Pseudonym subject = r.subject().orElseThrow(() -> new DsrException("request " + request.id()
        + " no longer names its subject"));
    Instant now = clock.instant();
    if (r.state() != RequestState.IN_PROGRESS) {
      r = step(r.to(RequestState.IN_PROGRESS, now, null), "dsr.in-progress", Map.of());
    }
    for (String sourceId : order) {
      SourceOutcome before = r.source(sourceId).orElse(SourceOutcome.pending(sourceId));
      boolean ask = before.status() == SourceOutcome.Status.PENDING
          || before.status() == SourceOutcome.Status.FAILED && (all
              || before.nextAttemptAt().map(t -> !t.isAfter(now)).orElse(false));
      if (!ask) {
        continue;
      }
      SourceOutcome after = fanOut.ask(r, subject, sources.get(sourceId), before, now);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("source", sourceId);
      p.put("status", after.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      p.put("attempts", after.attempts());
      p.put("records", after.records());
      p.put("retained", after.retained().stream().mapToInt(Retained::records).sum());
      after.error().ifPresent(e -> p.put("error", e.indexOf(':') < 0 ? e : e.substring(0, e.indexOf(':'))));
      r = step(r.withSource(after), "dsr.source", p);
    }
    for (String sourceId : order) {
      if (!r.source(sourceId).map(o -> o.status().finished()).orElse(false)) {
        return r;
      }
    }
    return complete(r, subject);
  }

  private DataSubjectRequest complete(DataSubjectRequest r, Pseudonym subject) {
    if (r.type() == RequestType.ERASURE) {
      for (SourceOutcome s : r.sources()) {
        if (s.records() > 0 && sources.containsKey(s.source())) {
          sources.get(s.source()).purge();
        }
      }
    }
    if (r.type() == RequestType.RECTIFICATION) {
      r = r.withoutCorrections();
    }
    int records = r.sources().stream().mapToInt(SourceOutcome::records).sum();
    int retained = r.sources().stream().flatMap(s -> s.retained().stream()).mapToInt(Retained::records).sum();
    r = step(r.to(RequestState.COMPLETED, clock.instant(), null), "dsr.completed",
        Map.of("type", r.type().id(), "records", records, "retained", retained));
    if (r.type() == RequestType.ERASURE && retained == 0) {
      r = scrub(subject, r);
    }
    return r;
  }

  /** After a complete erasure: nothing Warden keeps names the subject any more, except by digest. */
  private DataSubjectRequest scrub(Pseudonym subject, DataSubjectRequest erasure) {
    int n = 0;
    for (DataSubjectRequest q : List.copyOf(requests.values())) {
      if (!q.subject().map(subject::equals).orElse(false)) {
        continue;
      }
      if (!q.state().terminal()) {
        q = refuse(q, "the subject's data was erased by request " + erasure.id());
      }
      store.deleteParts(q.id());
      q = q.withoutSubject();
      store.save(q);
      requests.put(q.id(), q);
      n++;
    }
    int forgotten = holds == null ? 0 : holds.forget(subject);
    audit.append("dsr.subject-erased", Map.of("request", erasure.id(), "subjectDigest", erasure.subjectDigest(),
        "requests", n, "holdsForgotten", forgotten));
    return requests.get(erasure.id());
  }

  /**
   * Extends the deadline of a complex request (GDPR Art. 12(3)), before it passes and by no more
   * than the policy's maximum extension in total.
   *
   * @throws IllegalArgumentException if {@code by} is not positive or goes past the maximum
   * @throws DsrException if the request is not verified, is finished, or its deadline has passed
   */
  public synchronized DataSubjectRequest extend(String id, Period by, String reason) {
    Objects.requireNonNull(by, "by");
    checkReason(reason);
    DataSubjectRequest r = require(id, RequestState.VERIFIED, RequestState.IN_PROGRESS, RequestState.EXTENDED);
    Instant now = clock.instant();
    if (now.isAfter(r.dueAt())) {
      throw new DsrException("request " + id + " was due at " + r.dueAt() + ": a deadline is extended before it passes");
    }
    if (by.isNegative() || by.isZero()) {
      throw new IllegalArgumentException("an extension must be positive, got " + by);
    }
    // Counted from receipt as one period (received plus a month plus the extension), so that
    // month ends do not shorten it: received 31 January, extended by a month, due 30 April.
    Period response = policy.dataSubjectRights().responseTime();
    Period total = r.extension().plus(by);
    Period max = policy.dataSubjectRights().maxExtension();
    Instant due = Times.plus(r.receivedAt(), response.plus(total));
    if (due.isAfter(Times.plus(r.receivedAt(), response.plus(max)))) {
      throw new IllegalArgumentException("request " + id + " would be extended by " + total + " in total; policy "
          + policy.ref() + " allows at most " + max);
    }
    return step(r.extended(total, due).to(RequestState.EXTENDED, now, reason), "dsr.extended",
        Map.of("dueAt", due.toString(), "extension", total.toString(), "reason", reason));
  }

  /**
   * Refuses a request with the reason the subject is given (GDPR Art. 12(4) and (5): identity not
   * confirmed, manifestly unfounded or excessive).
   *
   * @throws DsrException if the request is finished
   */
  public synchronized DataSubjectRequest refuse(String id, String reason) {
    checkReason(reason);
    DataSubjectRequest r = require(id, RequestState.RECEIVED, RequestState.VERIFIED, RequestState.IN_PROGRESS,
        RequestState.EXTENDED);
    return refuse(r, reason);
  }

  private DataSubjectRequest refuse(DataSubjectRequest r, String reason) {
    DataSubjectRequest q = r.refused(reason).to(RequestState.REFUSED, clock.instant(), reason);
    if (q.type() == RequestType.RECTIFICATION) {
      q = q.withoutCorrections();
    }
    store.deleteParts(q.id());
    return step(q, "dsr.refused", Map.of("reason", reason));
  }

  private static void checkReason(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > 1000) {
      throw new IllegalArgumentException("a reason must be 1 to 1000 characters, got "
          + (reason.isBlank() ? "a blank one" : reason.length()));
    }
  }

  /** The request with this id, if there is one. */
  public synchronized Optional<DataSubjectRequest> get(String id) {
    return Optional.ofNullable(requests.get(id));
  }

  /** Every request, oldest first. */
  public synchronized List<DataSubjectRequest> list() {
    return requests.values().stream().sorted(Comparator.comparing(DataSubjectRequest::receivedAt)
        .thenComparing(DataSubjectRequest::id)).toList();
  }

  /** The unfinished requests past their due date. */
  public synchronized List<DataSubjectRequest> overdue() {
    Instant now = clock.instant();
    return list().stream().filter(r -> r.overdue(now)).toList();
  }

  /**
   * The answer to a completed access or export request: one JSON document with every source's
   * data, its purposes, recipients, retention and origin (docs/retention-and-dsr.md).
   *
   * @throws DsrException if the request is not a completed access or export request, or its data
   *     was deleted since (the subject was erased)
   */
  public synchronized String export(String id) {
    DataSubjectRequest r = require(id, RequestState.COMPLETED);
    if (r.type() != RequestType.ACCESS && r.type() != RequestType.EXPORT) {
      throw new DsrException("request " + id + " is an " + r.type().id() + " request: only access and export"
          + " requests have a document");
    }
    if (r.subject().isEmpty()) {
      throw new DsrException("the data of request " + id + " was deleted when its subject was erased");
    }
    return ExportDocument.build(r, policy, sources, store, clock.instant());
  }

  private DataSubjectRequest require(String id, RequestState... allowed) {
    Objects.requireNonNull(id, "id");
    DataSubjectRequest r = requests.get(id);
    if (r == null) {
      throw new DsrException("no data-subject request with id '" + id + "'");
    }
    for (RequestState s : allowed) {
      if (r.state() == s) {
        return r;
      }
    }
    throw new DsrException("request " + id + " is " + r.state().id() + "; this step needs it to be "
        + String.join(" or ", java.util.Arrays.stream(allowed).map(RequestState::id).toList()));
  }

  /** Stores the request, then audits the step by request id. */
  private DataSubjectRequest step(DataSubjectRequest r, String type, Map<String, Object> details) {
    store.save(r);
    requests.put(r.id(), r);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("request", r.id());
    p.put("state", r.state().id());
    p.putAll(details);
    audit.append(type, p);
    return r;
  }

  /** Releases the request store. */
  @Override
  public synchronized void close() {
    store.close();
  }
}
