package dev.warden.moderation.enforcement;

import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The journal-backed store: every new account record is appended to the audit journal before it
 * takes effect, and the latest record of each account is replayed from the journal at start.
 * One lock per account keeps appends of one account in order without serialising accounts.
 */
final class JournalEnforcementStore implements EnforcementStore {

  static final String TYPE = "enforcement.account";

  private final AuditJournal journal;
  private final ConcurrentHashMap<Pseudonym, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    volatile AccountRecord record;

    Slot(AccountRecord record) {
      this.record = record;
    }
  }

  private JournalEnforcementStore(AuditJournal journal) {
    this.journal = journal;
  }

  static JournalEnforcementStore open(AuditJournal journal) {
    Objects.requireNonNull(journal, "journal");
    JournalEnforcementStore s = new JournalEnforcementStore(journal);
    try (Stream<AuditEntry> entries = AuditJournal.entries(journal.directory())) {
      entries.filter(e -> e.type().equals(TYPE) && e.subject().isPresent())
          .forEach(e -> s.slots.put(e.subject().get(), new Slot(decode(e.subject().get(), e.payload()))));
    }
    return s;
  }

  @Override
  public AccountRecord get(Pseudonym account) {
    Slot s = slots.get(Objects.requireNonNull(account, "account"));
    return s == null ? AccountRecord.empty(account) : s.record;
  }

  @Override
  public AccountRecord update(Pseudonym account, UnaryOperator<AccountRecord> change) {
    Objects.requireNonNull(account, "account");
    Slot s = slots.computeIfAbsent(account, a -> new Slot(AccountRecord.empty(a)));
    s.lock.lock();
    try {
      AccountRecord next = change.apply(s.record);
      if (!next.account().equals(account)) {
        throw new IllegalArgumentException("an update of " + account + " returned a record of " + next.account());
      }
      journal.append(TYPE, account, encode(next));
      s.record = next;
      return next;
    } finally {
      s.lock.unlock();
    }
  }

  static Map<String, Object> encode(AccountRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> vs = new ArrayList<>(r.violations().size());
    for (ViolationRecord v : r.violations()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("category", v.category().id());
      e.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
      e.put("at", v.at().toString());
      e.put("evidenceSha256", v.evidence().sha256());
      vs.add(e);
    }
    m.put("violations", vs);
    m.put("total", r.totalViolations());
    m.put("suspendedUntil", r.suspendedUntil().map(Instant::toString).orElse(null));
    m.put("terminatedAt", r.terminatedAt().map(Instant::toString).orElse(null));
    return m;
  }

  static AccountRecord decode(Pseudonym account, Map<String, Object> m) {
    List<ViolationRecord> vs = new ArrayList<>();
    for (Object o : (List<?>) m.get("violations")) {
      Map<?, ?> e = (Map<?, ?>) o;
      vs.add(new ViolationRecord(Category.of((String) e.get("category")),
          Severity.valueOf(((String) e.get("severity")).toUpperCase(Locale.ROOT)),
          Instant.parse((String) e.get("at")), new EvidenceHash((String) e.get("evidenceSha256"))));
    }
    return new AccountRecord(account, vs, ((Number) m.get("total")).longValue(),
        instant(m.get("suspendedUntil")), instant(m.get("terminatedAt")));
  }

  private static Optional<Instant> instant(Object o) {
    return o == null ? Optional.empty() : Optional.of(Instant.parse((String) o));
  }
}
