package dev.warden.consent.retention;

import dev.warden.consent.ledger.ConsentEvent;
import dev.warden.consent.ledger.ConsentRecord;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.ledger.ErasureProof;
import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The consent ledger as a personal-data source. A subject's records form one trail (each record
 * supersedes the one before, and the chain is the proof), and the store erases a subject's records
 * together, so every event is dated for the whole trail: collected and last activity when its
 * latest record was made, consent withdrawn when its latest choice ended (withdrawn, or expired).
 */
final class ConsentLedgerSource implements PersonalDataSource {

  static final String CATEGORY = "consent-records";
  static final String ORIGIN = "Given by the person through the consent banner, the privacy settings, or a signal"
      + " their browser sent (Global Privacy Control, IAB consent strings)";
  private static final Set<RetentionTrigger> TRIGGERS = Set.of(RetentionTrigger.COLLECTED,
      RetentionTrigger.LAST_ACTIVITY, RetentionTrigger.CONSENT_WITHDRAWN);

  private final ConsentStore store;
  private final String category;
  private final String origin;
  // True at first: erasures made before this source existed (by another process) may await compaction.
  private volatile boolean unpurged = true;

  ConsentLedgerSource(ConsentStore store, String category, String origin) {
    this.store = Objects.requireNonNull(store, "store");
    Objects.requireNonNull(category, "dataCategory");
    Objects.requireNonNull(origin, "origin");
    if (category.isBlank() || origin.isBlank()) {
      throw new IllegalArgumentException("the consent ledger source needs a data category and an origin, got '"
          + category + "' and '" + origin + "'");
    }
    this.category = category;
    this.origin = origin;
  }

  @Override
  public String id() {
    return "consent-ledger";
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public Set<String> dataCategories() {
    return Set.of(category);
  }

  @Override
  public Set<RetentionTrigger> triggers(String dataCategory) {
    return category.equals(dataCategory) ? TRIGGERS : Set.of();
  }

  @Override
  public List<PersonalRecord> records(Pseudonym subject) {
    List<ConsentRecord> trail = store.history(subject);
    if (trail.isEmpty()) {
      return List.of();
    }
    Map<RetentionTrigger, Instant> events = events(trail);
    List<PersonalRecord> out = new ArrayList<>(trail.size());
    for (ConsentRecord r : trail) {
      out.add(PersonalRecord.of(r.recordId(), subject, category, events, content(r)));
    }
    return out;
  }

  @Override
  public Stream<PersonalRecord> recordsBefore(String dataCategory, RetentionTrigger from, Instant cutoff) {
    if (!category.equals(dataCategory) || !TRIGGERS.contains(from)) {
      return Stream.empty();
    }
    List<PersonalRecord> out = new ArrayList<>();
    store.subjects().forEach(subject -> {
      List<ConsentRecord> trail = store.history(subject);
      if (trail.isEmpty()) {
        return; // erased since subjects() was listed
      }
      Map<RetentionTrigger, Instant> events = events(trail);
      if (events.get(from).isBefore(cutoff)) {
        for (ConsentRecord r : trail) {
          out.add(PersonalRecord.of(r.recordId(), subject, category, events, Map.of()));
        }
      }
    });
    return out.stream();
  }

  /** The trail's events; one map shared by all its records. */
  private static Map<RetentionTrigger, Instant> events(List<ConsentRecord> trail) {
    ConsentRecord latest = trail.get(trail.size() - 1);
    Map<RetentionTrigger, Instant> m = new EnumMap<>(RetentionTrigger.class);
    m.put(RetentionTrigger.COLLECTED, latest.timestamp());
    m.put(RetentionTrigger.LAST_ACTIVITY, latest.timestamp());
    m.put(RetentionTrigger.CONSENT_WITHDRAWN,
        latest.event() == ConsentEvent.WITHDRAWN ? latest.timestamp() : latest.expiresAt());
    return m;
  }

  private static Map<String, Object> content(ConsentRecord r) {
    Map<String, Object> m = new LinkedHashMap<>(r.asMap());
    m.remove("subject"); // the export names the subject once, beside its records
    return m;
  }

  @Override
  public ErasureResult erase(Collection<PersonalRecord> records, String reference) {
    Map<Pseudonym, Set<String>> bySubject = new LinkedHashMap<>();
    for (PersonalRecord r : records) {
      bySubject.computeIfAbsent(r.subject(), k -> new HashSet<>()).add(r.id());
    }
    List<Pseudonym> whole = new ArrayList<>(bySubject.size());
    int kept = 0;
    for (Map.Entry<Pseudonym, Set<String>> e : bySubject.entrySet()) {
      List<ConsentRecord> trail = store.history(e.getKey());
      if (trail.isEmpty()) {
        continue; // already erased: erasing again would replace the proof with an empty one
      }
      if (trail.stream().allMatch(r -> e.getValue().contains(r.recordId()))) {
        whole.add(e.getKey());
      } else {
        kept += e.getValue().size();
      }
    }
    int erased = 0;
    for (ErasureProof p : store.eraseAll(whole, reference)) {
      erased += p.recordCount();
    }
    if (!whole.isEmpty()) {
      unpurged = true;
    }
    List<String> notes = kept == 0 ? List.of()
        : List.of(kept + " record(s) kept: the subject's consent trail changed since it was listed");
    return new ErasureResult(erased, kept, notes);
  }

  @Override
  public void purge() {
    if (unpurged) {
      unpurged = false;
      store.compact();
    }
  }
}
