package dev.warden.consent.retention;

import dev.warden.policy.ExemptionReason;
import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A host's store as a test source: records of any category, dated per record, with exemption
 * marks, rectifiable, and able to fail on demand.
 */
public final class HostSource implements PersonalDataSource {

  private final String id;
  private final Set<String> categories;
  private final Map<String, PersonalRecord> records = new ConcurrentHashMap<>();
  private final AtomicInteger eraseCalls = new AtomicInteger();
  private final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile int crashAfterErase = -1;
  private volatile int failuresLeft;

  public HostSource(String id, Set<String> categories) {
    this.id = id;
    this.categories = Set.copyOf(categories);
  }

  /** Adds a record collected at {@code at}, with the given extra events and marks. */
  public PersonalRecord add(String recordId, Pseudonym subject, String category, Instant at,
      Map<RetentionTrigger, Instant> moreEvents, Set<ExemptionReason> marks, Map<String, Object> data) {
    Map<RetentionTrigger, Instant> events = new EnumMap<>(RetentionTrigger.class);
    events.put(RetentionTrigger.COLLECTED, at);
    events.putAll(moreEvents);
    PersonalRecord r = new PersonalRecord(recordId, subject, category, events, marks, data);
    records.put(recordId, r);
    return r;
  }

  public PersonalRecord add(String recordId, Pseudonym subject, String category, Instant at) {
    return add(recordId, subject, category, at, Map.of(), Set.of(), Map.of("note", "record " + recordId));
  }

  /** Makes the next {@code n} calls fail, as a store that is down would. */
  public void failNext(int n) {
    failuresLeft = n;
  }

  public Map<String, PersonalRecord> all() {
    return Map.copyOf(records);
  }

  public int eraseCalls() {
    return eraseCalls.get();
  }

  /** Every record id erase was asked for, in order, repeats included. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  /** After the n-th erase call has erased, throws an Error as a crash would end the run. */
  public void crashAfterErase(int n) {
    crashAfterErase = n;
  }

  private void maybeFail() {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("the " + id + " store is unavailable");
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String origin() {
    return "Entered by the person when they signed up";
  }

  @Override
  public Set<String> dataCategories() {
    return categories;
  }

  @Override
  public Set<RetentionTrigger> triggers(String dataCategory) {
    return categories.contains(dataCategory) ? Set.of(RetentionTrigger.values()) : Set.of();
  }

  @Override
  public List<PersonalRecord> records(Pseudonym subject) {
    maybeFail();
    return records.values().stream().filter(r -> r.subject().equals(subject))
        .sorted(java.util.Comparator.comparing(PersonalRecord::id)).toList();
  }

  @Override
  public Stream<PersonalRecord> recordsBefore(String dataCategory, RetentionTrigger from, Instant cutoff) {
    maybeFail();
    List<PersonalRecord> out = new ArrayList<>();
    for (PersonalRecord r : records.values()) {
      Instant e = r.events().get(from);
      if (r.dataCategory().equals(dataCategory) && e != null && e.isBefore(cutoff)) {
        out.add(r.withoutData());
      }
    }
    return out.stream();
  }

  @Override
  public ErasureResult erase(Collection<PersonalRecord> list, String reference) {
    maybeFail();
    int call = eraseCalls.incrementAndGet();
    int n = 0;
    for (PersonalRecord r : list) {
      asked.add(r.id());
      if (records.remove(r.id()) != null) {
        n++;
      }
    }
    if (call == crashAfterErase) {
      throw new Error("simulated crash after erase call " + call);
    }
    return ErasureResult.of(n);
  }

  @Override
  public RectificationResult rectify(Pseudonym subject, Map<String, Object> corrections) {
    maybeFail();
    int n = 0;
    for (PersonalRecord r : List.copyOf(records.values())) {
      if (r.subject().equals(subject)) {
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.putAll(corrections);
        records.put(r.id(), new PersonalRecord(r.id(), subject, r.dataCategory(), r.events(), r.exemptions(), data));
        n++;
      }
    }
    return RectificationResult.applied(n, "corrected " + corrections.keySet());
  }
}
