package dev.warden.consent.ledger;

import dev.warden.consent.ConsentState;
import dev.warden.consent.internal.CoarseClock;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.CookieClass;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyChange;
import dev.warden.policy.PolicyDiff;
import dev.warden.policy.Purpose;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.PolicyRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The consent ledger: records people's cookie choices as proof (GDPR Art. 7(1)), answers what a
 * person currently allows, and says when they must be asked again. Thread-safe; share one per
 * policy.
 *
 * <p>Every choice is a new {@link ConsentRecord} appended to the {@link ConsentStore}; nothing is
 * overwritten. Withdrawing is one call, like granting. A consent stops counting when it expires
 * (the policy's consent validity) or, when the policy says so, after a material policy change
 * ({@link PolicyDiff}); {@link #state(Pseudonym)} then answers with the policy's defaults.
 *
 * {@snippet :
 * ConsentLedger ledger = ConsentLedger.builder().policy(policy).store(store).build();
 * ledger.record(subject, Map.of("analytics", true, "advertising", false), CollectionMethod.BANNER, "en");
 * ConsentState now = ledger.state(subject);
 * ledger.withdraw(subject, CollectionMethod.SETTINGS_PAGE, "en");
 * }
 */
public final class ConsentLedger {

  private final Policy policy;
  private final PolicyRef ref;
  private final Map<PolicyRef, Policy> earlier;
  private final ConsentStore store;
  private final Clock clock;
  private final Supplier<String> ids;
  private final boolean coarse;
  private final Map<PolicyRef, List<String>> materialChanges = new ConcurrentHashMap<>();
  private final ConsentState defaults;
  private final Map<String, CookieCategory> categoryById = new HashMap<>();

  private ConsentLedger(Builder b) {
    this.policy = b.policy;
    this.ref = b.policy.ref();
    this.earlier = Map.copyOf(b.earlier);
    this.store = b.store;
    this.clock = b.clock;
    this.ids = b.ids;
    this.coarse = CoarseClock.covers(b.clock);
    this.defaults = ConsentState.defaults(policy);
    policy.cookieCategories().forEach(c -> categoryById.put(c.id(), c));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This ledger's settings over another store (tests compare the stores' paths). */
  ConsentLedger toBuilderForTest(ConsentStore other) {
    Builder b = new Builder();
    b.policy = policy;
    b.earlier.putAll(earlier);
    b.store = other;
    b.clock = clock;
    b.ids = ids;
    return b.build();
  }

  /** The current policy. */
  public Policy policy() {
    return policy;
  }

  /** The store records go to. */
  public ConsentStore store() {
    return store;
  }

  /**
   * Records a choice. Categories not named take their default state (denied when they need
   * consent); a strictly necessary category cannot be refused.
   *
   * @param choices cookie category id to granted (true) or denied (false)
   * @param language the notice's language, a BCP 47 tag
   * @throws IllegalArgumentException naming an unknown category, a refused necessary category, or
   *     a bad language tag
   */
  public ConsentRecord record(Pseudonym subject, Map<String, Boolean> choices, CollectionMethod method,
      String language) {
    return record(subject, choices, method, language, null);
  }

  /**
   * Records a choice with the evidence it came from (a TC string, the banner's version).
   *
   * @param evidence at most {@value ConsentRecord#MAX_EVIDENCE} characters, never personal data; or null
   */
  public ConsentRecord record(Pseudonym subject, Map<String, Boolean> choices, CollectionMethod method,
      String language, String evidence) {
    ConsentRecord r = recordOf(subject, choices, method, language, evidence);
    store.append(r);
    return r;
  }

  private ConsentRecord recordOf(Pseudonym subject, Map<String, Boolean> choices, CollectionMethod method,
      String language, String evidence) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(choices, "choices");
    Map<String, Boolean> categories = complete(choices);
    ConsentRecord previous = store.latest(subject).orElse(null);
    ConsentEvent event = previous == null ? ConsentEvent.GIVEN
        : previous.categories().equals(categories) && !previous.policy().equals(policy.ref()) ? ConsentEvent.RENEWED
        : previous.categories().equals(categories) && previous.expired(clock.instant()) ? ConsentEvent.RENEWED
        : ConsentEvent.UPDATED;
    return make(subject, categories, event, method, language, evidence, previous);
  }

  /**
   * Records a choice without waiting for the store: the future completes with the record once it
   * is durable. With the journal store many choices in flight share one write and one sync, which
   * is how a busy site records more choices per second than it has request threads. The choice is
   * checked, and the record made, before this returns.
   *
   * @throws IllegalArgumentException as {@link #record(Pseudonym, Map, CollectionMethod, String)}
   */
  public CompletableFuture<ConsentRecord> recordAsync(Pseudonym subject, Map<String, Boolean> choices,
      CollectionMethod method, String language) {
    return store.appendAsync(recordOf(subject, choices, method, language, null));
  }

  /** Withdraws consent to every category that needs it: one call, as easy as granting. */
  public ConsentRecord withdraw(Pseudonym subject, CollectionMethod method, String language) {
    Set<String> all = new java.util.HashSet<>();
    for (CookieCategory c : policy.cookieCategories()) {
      if (c.consentRequired()) {
        all.add(c.id());
      }
    }
    return withdraw(subject, all, method, language);
  }

  /**
   * Withdraws consent to some categories, keeping the rest of the current choice.
   *
   * @throws IllegalArgumentException naming an unknown or strictly necessary category
   */
  public ConsentRecord withdraw(Pseudonym subject, Collection<String> categories, CollectionMethod method,
      String language) {
    Objects.requireNonNull(subject, "subject");
    ConsentRecord previous = store.latest(subject).orElse(null);
    Map<String, Boolean> choices = new LinkedHashMap<>(previous == null || !previous.policy().equals(policy.ref())
        ? Map.of() : previous.categories());
    for (String id : categories) {
      choices.put(id, false);
    }
    ConsentRecord r = make(subject, complete(choices), ConsentEvent.WITHDRAWN, method, language, null, previous);
    store.append(r);
    return r;
  }

  private ConsentRecord make(Pseudonym subject, Map<String, Boolean> categories, ConsentEvent event,
      CollectionMethod method, String language, String evidence, ConsentRecord previous) {
    Instant now = clock.instant();
    Instant expires = now.atZone(ZoneOffset.UTC).plus(policy.consent().validity()).toInstant();
    ConsentRecord r = new ConsentRecord(ids.get(), subject, ref, language, event,
        Objects.requireNonNull(method, "method"), Optional.ofNullable(evidence), categories, purposes(categories),
        now, expires, previous == null ? Optional.empty() : Optional.of(previous.recordId()));
    return r;
  }

  /** Every category of the policy with a value: the choice given, else the default. */
  private Map<String, Boolean> complete(Map<String, Boolean> choices) {
    for (Map.Entry<String, Boolean> e : choices.entrySet()) {
      CookieCategory c = categoryById.get(e.getKey());
      if (c == null) {
        throw new IllegalArgumentException("policy " + policy.ref() + " has no cookie category '" + e.getKey() + "'");
      }
      if (Boolean.FALSE.equals(e.getValue()) && c.cookieClass() == CookieClass.NECESSARY) {
        throw new IllegalArgumentException("cookie category '" + c.id() + "' is strictly necessary and cannot be refused");
      }
      if (e.getValue() == null) {
        throw new NullPointerException("choice of '" + e.getKey() + "'");
      }
    }
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (CookieCategory c : policy.cookieCategories()) {
      Boolean v = choices.get(c.id());
      out.put(c.id(), v != null ? v : c.defaultState() == dev.warden.policy.ConsentDefault.GRANTED);
    }
    return out;
  }

  /** A consent purpose is granted when every category serving it is. */
  private Map<String, Boolean> purposes(Map<String, Boolean> categories) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (Purpose p : policy.purposes()) {
      if (!p.needsConsent()) {
        continue;
      }
      boolean granted = true;
      boolean served = false;
      for (CookieCategory c : policy.cookieCategories()) {
        if (c.purposes().contains(p.id())) {
          served = true;
          granted &= categories.getOrDefault(c.id(), false);
        }
      }
      out.put(p.id(), served && granted);
    }
    return out;
  }

  /** The subject's most recent record, whether or not it still counts. */
  public Optional<ConsentRecord> current(Pseudonym subject) {
    return store.latest(subject);
  }

  /** The subject's records, oldest first. */
  public List<ConsentRecord> history(Pseudonym subject) {
    return store.history(subject);
  }

  /**
   * What the subject allows now: their latest choice while it counts, otherwise the policy's
   * defaults (nothing that needs consent). With the system clock, expiry is checked against a
   * reading at most about 10 ms old ({@code CoarseClock}); an injected clock is read each call.
   */
  public ConsentState state(Pseudonym subject) {
    if (store instanceof IndexedStore indexed) {
      // The built-in stores keep each subject's current state ready: no record, map or Optional
      // is touched or made here, which is what lets a look-up run on every request.
      RecordIndex.Subject s = indexed.index().subject(Objects.requireNonNull(subject, "subject"));
      if (s == null || (coarse ? s.expired(CoarseClock.millis(clock)) : s.expired(clock.instant()))) {
        return defaults;
      }
      // The policy is read from the entry, not the state: one object fewer to fetch from memory.
      return s.policy() == ref || changes(s.policy()).isEmpty() ? s.state() : defaults;
    }
    ConsentRecord r = store.latest(subject).orElse(null);
    if (r == null || r.expired(clock.instant()) || !changes(r.policy()).isEmpty()) {
      return defaults;
    }
    return new ConsentState(r.policy(), r.categories(), Set.of());
  }

  /** Whether the subject must be asked again: see {@link #renewal(Pseudonym)}. */
  public boolean needsRenewal(Pseudonym subject) {
    return renewal(subject).needed();
  }

  /** Whether and why the subject must be asked again. */
  public Renewal renewal(Pseudonym subject) {
    ConsentRecord r = store.latest(subject).orElse(null);
    if (r == null) {
      return new Renewal(true, List.of("no consent is recorded"));
    }
    List<String> reasons = new ArrayList<>();
    Instant now = clock.instant();
    if (r.expired(now)) {
      reasons.add("the consent of " + r.timestamp() + " expired at " + r.expiresAt());
    }
    reasons.addAll(changes(r.policy()));
    return reasons.isEmpty() ? Renewal.notNeeded() : new Renewal(true, reasons);
  }

  /** Why a consent given under {@code ref} no longer counts under the current policy; empty if it does. */
  private List<String> changes(PolicyRef given) {
    if (given == ref || given.equals(ref)) {
      return List.of();
    }
    return materialChanges.computeIfAbsent(given, this::diff);
  }

  private List<String> diff(PolicyRef ref) {
    if (!ref.id().equals(policy.id())) {
      return List.of("the consent was given under policy '" + ref.id() + "', not '" + policy.id() + "'");
    }
    Policy old = earlier.get(ref);
    if (old == null) {
      return List.of("the consent was given under version " + ref.version()
          + ", which this ledger does not know, so a material change cannot be ruled out");
    }
    if (!policy.consent().renewOnMaterialChange()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (PolicyChange c : PolicyDiff.between(old, policy).material()) {
      out.add("policy changed materially since version " + ref.version() + ": " + c.description());
    }
    return out;
  }

  /** A record's receipt as one line of JSON (docs/consent-ledger.md). */
  public String receipt(ConsentRecord record) {
    return RecordCodec.json(ConsentReceipts.receipt(record, policyOf(record.policy())));
  }

  /**
   * Everything the ledger holds about a subject, as a JSON document: every record's receipt, oldest
   * first, the current state and whether renewal is needed, and the erasure proof if the subject
   * was erased.
   */
  public String export(Pseudonym subject) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subject", subject.value());
    m.put("policy", Map.of("id", policy.id(), "version", policy.version()));
    List<Object> receipts = new ArrayList<>();
    for (ConsentRecord r : store.history(subject)) {
      receipts.add(ConsentReceipts.receipt(r, policyOf(r.policy())));
    }
    m.put("receipts", receipts);
    m.put("currentState", new java.util.TreeMap<>(state(subject).choices()));
    Renewal renewal = renewal(subject);
    m.put("needsRenewal", renewal.needed());
    m.put("renewalReasons", renewal.reasons());
    store.erasureOf(subject).ifPresent(p -> m.put("erasure", RecordCodec.toMap(p)));
    try {
      return RecordCodec.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private Policy policyOf(PolicyRef ref) {
    return ref.equals(policy.ref()) ? policy : earlier.get(ref);
  }

  /**
   * Erases the subject's records (a data-subject request); the store keeps only a proof.
   *
   * @param reference the request's id, or null
   */
  public ErasureProof erase(Pseudonym subject, String reference) {
    return store.erase(subject, reference);
  }

  /** Configures a {@link ConsentLedger}. */
  public static final class Builder {
    private Policy policy = Policy.defaultPolicy();
    private final Map<PolicyRef, Policy> earlier = new HashMap<>();
    private ConsentStore store;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> ids = Builder::randomId;

    private Builder() {}

    /** The current policy; default {@link Policy#defaultPolicy()}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Earlier versions of the policy, so that consents given under them can be checked for a
     * material change; a consent under a version the ledger does not know needs renewal.
     */
    public Builder earlierPolicies(Collection<Policy> policies) {
      for (Policy p : policies) {
        earlier.put(p.ref(), p);
      }
      return this;
    }

    /** Where records go; required. */
    public Builder store(ConsentStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock that stamps records; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A random (version 4) UUID from a thread-local generator: record ids must be unique, not
     * secret, and {@link UUID#randomUUID()} serialises every appender on one SecureRandom.
     */
    static String randomId() {
      java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
      long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
      long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(hi, lo).toString();
    }

    /** Makes record ids; default random version 4 UUIDs. */
    public Builder recordIds(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** @throws IllegalStateException if no store was given */
    public ConsentLedger build() {
      if (store == null) {
        throw new IllegalStateException("a consent ledger needs a store: call store(ConsentStore.inMemory())"
            + " or store(ConsentStore.journal(dir).open())");
      }
      return new ConsentLedger(this);
    }
  }
}
