package dev.warden.consent.ledger;

import dev.warden.consent.ConsentState;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.PolicyRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The in-memory view every store keeps: each subject's records in append order (by sequence
 * number), and the erasure proofs. Reads are lock-free; writes to one subject are atomic.
 */
final class RecordIndex {

  /**
   * A subject's records, copy-on-write, ordered by sequence; with the latest record's state and
   * expiry worked out once, so that a look-up of the current state touches nothing else.
   */
  record Subject(ConsentRecord[] records, long[] seqs, ConsentState state, PolicyRef policy, long expiresSecond,
      int expiresNano) {
    Subject(ConsentRecord[] records, long[] seqs) {
      this(records, seqs, records.length == 0 ? null : stateOf(records[records.length - 1]),
          records.length == 0 ? null : records[records.length - 1].policy(),
          records.length == 0 ? 0 : records[records.length - 1].expiresAt().getEpochSecond(),
          records.length == 0 ? 0 : records[records.length - 1].expiresAt().getNano());
    }

    private static ConsentState stateOf(ConsentRecord r) {
      return new ConsentState(r.policy(), r.categories(), Set.of());
    }

    /** Whether the latest record has expired at {@code now} ({@link ConsentRecord#expired}). */
    boolean expired(Instant now) {
      long s = now.getEpochSecond();
      return s > expiresSecond || (s == expiresSecond && now.getNano() >= expiresNano);
    }

    /** Whether the latest record has expired at {@code nowMillis} ({@link ConsentRecord#expired}). */
    boolean expired(long nowMillis) {
      long s = Math.floorDiv(nowMillis, 1000);
      return s > expiresSecond || (s == expiresSecond && Math.floorMod(nowMillis, 1000) * 1_000_000 >= expiresNano);
    }

    Subject with(ConsentRecord r, long seq) {
      int at = seqs.length;
      while (at > 0 && seqs[at - 1] > seq) {
        at--;
      }
      ConsentRecord[] rs = new ConsentRecord[records.length + 1];
      long[] ss = new long[seqs.length + 1];
      System.arraycopy(records, 0, rs, 0, at);
      System.arraycopy(seqs, 0, ss, 0, at);
      rs[at] = r;
      ss[at] = seq;
      System.arraycopy(records, at, rs, at + 1, records.length - at);
      System.arraycopy(seqs, at, ss, at + 1, seqs.length - at);
      return new Subject(rs, ss);
    }

    ConsentRecord latest() {
      return records[records.length - 1];
    }
  }

  private static final Subject EMPTY = new Subject(new ConsentRecord[0], new long[0]);

  private final ConcurrentHashMap<Pseudonym, Subject> subjects = new ConcurrentHashMap<>();
  private final Map<String, ErasureProof> erasures = new ConcurrentHashMap<>();

  void add(ConsentRecord r, long seq) {
    subjects.compute(r.subject(), (k, s) -> (s == null ? EMPTY : s).with(r, seq));
  }

  Optional<ConsentRecord> latest(Pseudonym subject) {
    Subject s = subjects.get(subject);
    return s == null ? Optional.empty() : Optional.of(s.latest());
  }

  /** The subject's entry, or null when it has no records. */
  Subject subject(Pseudonym subject) {
    return subjects.get(subject);
  }

  /** The latest record, or null; the allocation-free form of {@link #latest}. */
  ConsentRecord latestOrNull(Pseudonym subject) {
    Subject s = subjects.get(subject);
    return s == null ? null : s.latest();
  }

  List<ConsentRecord> history(Pseudonym subject) {
    Subject s = subjects.get(subject);
    return s == null ? List.of() : List.of(s.records());
  }

  /** Removes a subject's records and returns them, oldest first. */
  List<ConsentRecord> remove(Pseudonym subject) {
    Subject s = subjects.remove(subject);
    return s == null ? List.of() : Arrays.asList(s.records());
  }

  void putErasure(ErasureProof p) {
    erasures.put(p.subjectDigest(), p);
  }

  Optional<ErasureProof> erasureOf(Pseudonym subject) {
    return Optional.ofNullable(erasures.get(ErasureProof.digestOf(subject)));
  }

  Collection<ErasureProof> erasures() {
    return List.copyOf(erasures.values());
  }

  Stream<Pseudonym> subjects() {
    return List.copyOf(subjects.keySet()).stream();
  }

  Stream<ConsentRecord> recordsBefore(Instant cutoff) {
    List<ConsentRecord> out = new ArrayList<>();
    for (Subject s : subjects.values()) {
      for (ConsentRecord r : s.records()) {
        if (r.timestamp().isBefore(cutoff)) {
          out.add(r);
        }
      }
    }
    return out.stream();
  }

  long recordCount() {
    long n = 0;
    for (Subject s : subjects.values()) {
      n += s.records().length;
    }
    return n;
  }

  /** Every record: subjects in no particular order, each subject's oldest first. */
  Map<Pseudonym, List<ConsentRecord>> snapshot() {
    Map<Pseudonym, List<ConsentRecord>> out = new LinkedHashMap<>();
    subjects.forEach((k, s) -> out.put(k, List.of(s.records())));
    return out;
  }
}
