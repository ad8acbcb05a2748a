package dev.warden.consent.retention;

import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.audit.VerificationReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The audit journal behind {@link AuditJournalSource}: aliases in front of policy-core's journal. */
final class AliasedAuditJournal implements AuditJournalSource {

  private final Path dir;
  private final AuditJournal journal;
  private final AliasKeyring keyring;
  private final Clock clock;
  private final Map<String, String> categories;
  private final String defaultCategory;
  private final Set<String> allCategories;
  private final String origin;

  private AliasedAuditJournal(Path dir, AuditJournal journal, AliasKeyring keyring, Clock clock,
      Map<String, String> categories, String defaultCategory, String origin) {
    this.dir = dir;
    this.journal = journal;
    this.keyring = keyring;
    this.clock = clock;
    this.categories = categories;
    this.defaultCategory = defaultCategory;
    Set<String> all = new LinkedHashSet<>(categories.values());
    all.add(defaultCategory);
    this.allCategories = Set.copyOf(all);
    this.origin = origin;
  }

  static AuditJournalSource open(Path dir, Durability durability, Clock clock, byte[] key,
      Map<String, String> categories, String defaultCategory, String origin) {
    AliasKeyring keyring = AliasKeyring.open(dir.resolve("aliases"), durability != Durability.OS);
    try {
      AuditJournal.Builder b = AuditJournal.builder(dir.resolve("journal")).durability(durability).clock(clock);
      if (key != null) {
        b.hmacKey(key);
      }
      return new AliasedAuditJournal(dir, b.open(), keyring, clock, categories, defaultCategory, origin);
    } catch (RuntimeException e) {
      keyring.close();
      throw e;
    }
  }

  String categoryOf(String type) {
    String best = null;
    for (String prefix : categories.keySet()) {
      if (type.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? defaultCategory : categories.get(best);
  }

  @Override
  public AuditEntry append(String type, Pseudonym subject, Map<String, ?> payload) {
    if (subject == null) {
      return journal.append(type, null, payload);
    }
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String alias = keyring.aliasFor(subject, categoryOf(type), day);
    AuditEntry e = journal.append(type, Pseudonym.of(alias), payload);
    noteIfLate(alias, day, e);
    return e;
  }

  @Override
  public List<AuditEntry> appendAll(List<NewEntry> entries) {
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<NewEntry> aliased = new ArrayList<>(entries.size());
    for (NewEntry n : entries) {
      aliased.add(n.subject() == null ? n : new NewEntry(n.type(),
          Pseudonym.of(keyring.aliasFor(n.subject(), categoryOf(n.type()), day)), n.payload()));
    }
    List<AuditEntry> written = journal.appendAll(aliased);
    for (AuditEntry e : written) {
      e.subject().ifPresent(a -> noteIfLate(a.value(), day, e));
    }
    return written;
  }

  /** An entry stamped after its alias's day (the clock crossed midnight) moves the alias's date. */
  private void noteIfLate(String alias, LocalDate day, AuditEntry e) {
    if (LocalDate.ofInstant(e.timestamp(), ZoneOffset.UTC).isAfter(day)) {
      keyring.noteLast(alias, e.timestamp());
    }
  }

  @Override
  public void sync() {
    keyring.sync();
    journal.sync();
  }

  @Override
  public long lastSequence() {
    return journal.lastSequence();
  }

  @Override
  public VerificationReport verify() {
    return journal.verify();
  }

  @Override
  public Path directory() {
    return dir;
  }

  @Override
  public String id() {
    return "audit-journal";
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public Set<String> dataCategories() {
    return allCategories;
  }

  @Override
  public Set<RetentionTrigger> triggers(String dataCategory) {
    return allCategories.contains(dataCategory) ? Set.of(RetentionTrigger.COLLECTED) : Set.of();
  }

  @Override
  public List<PersonalRecord> records(Pseudonym subject) {
    Map<String, AliasKeyring.Bucket> mine = new HashMap<>();
    keyring.of(subject).forEach(b -> mine.put(b.alias(), b));
    if (mine.isEmpty()) {
      return List.of();
    }
    journal.sync();
    long last = journal.lastSequence();
    Map<String, List<Map<String, Object>>> entries = new HashMap<>();
    if (last > 0) {
      // Reads up to the last entry synced: a line being appended meanwhile may be incomplete.
      try (Stream<AuditEntry> s = AuditJournal.entries(journal.directory())) {
        Iterator<AuditEntry> it = s.iterator();
        while (it.hasNext()) {
          AuditEntry e = it.next();
          e.subject().filter(a -> mine.containsKey(a.value()))
              .ifPresent(a -> entries.computeIfAbsent(a.value(), k -> new ArrayList<>()).add(content(e)));
          if (e.sequence() >= last) {
            break;
          }
        }
      }
    }
    List<AliasKeyring.Bucket> buckets = new ArrayList<>(mine.values());
    buckets.sort(Comparator.comparing(AliasKeyring.Bucket::day).thenComparing(AliasKeyring.Bucket::category));
    List<PersonalRecord> out = new ArrayList<>(buckets.size());
    for (AliasKeyring.Bucket b : buckets) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("day", b.day().toString());
      data.put("entries", entries.getOrDefault(b.alias(), List.of()));
      out.add(PersonalRecord.of(b.alias(), subject, b.category(),
          Map.of(RetentionTrigger.COLLECTED, b.collectedAt()), data));
    }
    return out;
  }

  private static Map<String, Object> content(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sequence", e.sequence());
    m.put("timestamp", e.timestamp().toString());
    m.put("type", e.type());
    m.put("payload", e.payload());
    return m;
  }

  @Override
  public Stream<PersonalRecord> recordsBefore(String dataCategory, RetentionTrigger from, Instant cutoff) {
    if (from != RetentionTrigger.COLLECTED || !allCategories.contains(dataCategory)) {
      return Stream.empty();
    }
    List<PersonalRecord> out = new ArrayList<>();
    for (AliasKeyring.Bucket b : keyring.all()) {
      Instant collected = b.collectedAt();
      if (b.category().equals(dataCategory) && collected.isBefore(cutoff)) {
        out.add(PersonalRecord.of(b.alias(), b.subject(), b.category(), Map.of(RetentionTrigger.COLLECTED, collected),
            Map.of()));
      }
    }
    return out.stream();
  }

  @Override
  public ErasureResult erase(Collection<PersonalRecord> records, String reference) {
    List<String> aliases = new ArrayList<>(records.size());
    int kept = 0;
    for (PersonalRecord r : records) {
      AliasKeyring.Bucket b = keyring.get(r.id());
      if (b == null) {
        continue; // already erased
      }
      if (b.subject().equals(r.subject())) {
        aliases.add(r.id());
      } else {
        kept++;
      }
    }
    int erased = keyring.erase(aliases);
    return kept == 0 ? ErasureResult.of(erased)
        : new ErasureResult(erased, kept, List.of(kept + " record(s) kept: they are not the named subject's"));
  }

  @Override
  public RectificationResult rectify(Pseudonym subject, Map<String, Object> corrections) {
    return RectificationResult.notApplicable("the audit journal is append-only: it records what happened and"
        + " names the subject only by an alias");
  }

  @Override
  public void purge() {
    keyring.purge();
  }

  @Override
  public void close() {
    try {
      journal.close();
    } finally {
      keyring.close();
    }
  }
}
