package dev.warden.consent.dsr;

import dev.warden.consent.ledger.ErasureProof;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data-subject request as it stands: an immutable snapshot; {@link DataSubjectRequests} returns a
 * new one after every step.
 *
 * @param id the request's id
 * @param type what was asked
 * @param subject the subject's pseudonym; empty once the subject was erased, leaving only the digest
 * @param subjectDigest the subject's erasure digest ({@link ErasureProof#digestOf}), which shows
 *     the request was about a given pseudonym without naming it
 * @param receivedAt when it was received
 * @param dueAt when it must be answered: received plus the policy's response time, plus any
 *     extension
 * @param extension how far the deadline was extended ({@link Period#ZERO} if it was not)
 * @param state where it stands
 * @param history every step, oldest first
 * @param sources how each source answered, in the order sources were registered
 * @param refusal why it was refused, if it was
 * @param corrections for a rectification, the corrected values while it runs; once completed only
 *     the field names are kept (in {@link #correctedFields()})
 * @param correctedFields for a completed rectification, the names of the fields corrected
 */
public record DataSubjectRequest(
    String id, RequestType type, Optional<Pseudonym> subject, String subjectDigest, Instant receivedAt,
    Instant dueAt, Period extension, RequestState state, List<Transition> history, List<SourceOutcome> sources,
    Optional<String> refusal, Map<String, Object> corrections, List<String> correctedFields) {

  public DataSubjectRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(subjectDigest, "subjectDigest");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(state, "state");
    history = List.copyOf(history);
    sources = List.copyOf(sources);
    Objects.requireNonNull(refusal, "refusal");
    corrections = corrections.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
    correctedFields = List.copyOf(correctedFields);
  }

  /** Whether the request is unfinished past its due date at {@code at}. */
  public boolean overdue(Instant at) {
    return !state.terminal() && at.isAfter(dueAt);
  }

  /** How {@code source} answered, if it is one of the request's sources. */
  public Optional<SourceOutcome> source(String sourceId) {
    return sources.stream().filter(s -> s.source().equals(sourceId)).findFirst();
  }

  /** When the request reached its last state. */
  public Instant updatedAt() {
    return history.get(history.size() - 1).at();
  }

  DataSubjectRequest to(RequestState next, Instant at, String note) {
    List<Transition> h = new ArrayList<>(history);
    h.add(new Transition(next, at, Optional.ofNullable(note)));
    return new DataSubjectRequest(id, type, subject, subjectDigest, receivedAt, dueAt, extension, next, h, sources,
        refusal, corrections, correctedFields);
  }

  DataSubjectRequest withSource(SourceOutcome outcome) {
    List<SourceOutcome> s = new ArrayList<>(sources);
    boolean found = false;
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i).source().equals(outcome.source())) {
        s.set(i, outcome);
        found = true;
      }
    }
    if (!found) {
      s.add(outcome);
    }
    return new DataSubjectRequest(id, type, subject, subjectDigest, receivedAt, dueAt, extension, state, history, s,
        refusal, corrections, correctedFields);
  }

  DataSubjectRequest extended(Period total, Instant newDue) {
    return new DataSubjectRequest(id, type, subject, subjectDigest, receivedAt, newDue, total, state, history,
        sources, refusal, corrections, correctedFields);
  }

  DataSubjectRequest refused(String reason) {
    return new DataSubjectRequest(id, type, subject, subjectDigest, receivedAt, dueAt, extension, state, history,
        sources, Optional.of(reason), corrections, correctedFields);
  }

  /** Without the corrected values, keeping their names. */
  DataSubjectRequest withoutCorrections() {
    return new DataSubjectRequest(id, type, subject, subjectDigest, receivedAt, dueAt, extension, state, history,
        sources, refusal, Map.of(), List.copyOf(corrections.keySet()));
  }

  /** Naming the subject by digest only. */
  DataSubjectRequest withoutSubject() {
    return new DataSubjectRequest(id, type, Optional.empty(), subjectDigest, receivedAt, dueAt, extension, state,
        history, sources, refusal, Map.of(), correctedFields);
  }
}
