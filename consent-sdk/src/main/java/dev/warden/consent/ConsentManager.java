package dev.warden.consent;

import dev.warden.consent.cookie.CookieCatalog;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.gate.CookieGate;
import dev.warden.consent.gate.GateDecision;
import dev.warden.consent.gate.GateRequest;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentRecord;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.signal.ConsentMode;
import dev.warden.consent.signal.ConsentSignals;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The consent SDK in one object: the cookie classifier, the Set-Cookie gate, the consent ledger
 * and the request signals of one policy, built together. Immutable and thread-safe; build one per
 * policy and share it. Each part stays available for what this class does not cover.
 *
 * <p>A request's flow is three calls: what the visitor allows now ({@link #state}), which of the
 * response's cookies may go out ({@link #filter}), and, when the visitor chooses, {@link #record}
 * or {@link #withdraw}, which also returns the headers that delete the withdrawn cookies.
 *
 * {@snippet :
 * ConsentManager consent = ConsentManager.builder()
 *     .policy(policy)
 *     .store(ConsentStore.journal(Path.of("consent")).open())
 *     .site("example.com")
 *     .build();
 * ConsentState now = consent.state(visitor, request.getHeader("Sec-GPC"), request.getHeader("DNT"));
 * GateDecision d = consent.filter(GateRequest.https(host, path).withCookies(cookieHeader), setCookies, now);
 * d.headers().forEach(h -> response.addHeader("Set-Cookie", h));
 * }
 */
public final class ConsentManager {

  private final Policy policy;
  private final CookieClassifier classifier;
  private final CookieGate gate;
  private final ConsentLedger ledger;
  private final ConsentSignals signals;

  private ConsentManager(Builder b) {
    this.policy = b.policy;
    CookieClassifier.Builder cb = CookieClassifier.builder().policy(b.policy);
    b.catalogs.forEach(cb::addCatalog);
    this.classifier = b.classifier != null ? b.classifier : cb.build();
    CookieGate.Builder gb = CookieGate.builder().policy(b.policy).classifier(classifier).clock(b.clock);
    if (b.site != null) {
      gb.site(b.site);
    }
    this.gate = gb.build();
    this.ledger = ConsentLedger.builder().policy(b.policy).earlierPolicies(b.earlier).store(b.store).clock(b.clock)
        .build();
    this.signals = ConsentSignals.builder().honourDoNotTrack(b.honourDoNotTrack).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Policy policy() {
    return policy;
  }

  public CookieClassifier classifier() {
    return classifier;
  }

  public CookieGate gate() {
    return gate;
  }

  public ConsentLedger ledger() {
    return ledger;
  }

  public ConsentSignals signals() {
    return signals;
  }

  /**
   * What a visitor allows on this request: their recorded choice while it counts (else the
   * policy's defaults), with the request's Global Privacy Control and, if honoured, Do Not Track
   * signals.
   *
   * @param subject the visitor's pseudonym, or null for a visitor without one (the defaults apply)
   * @param secGpc the {@code Sec-GPC} header value, or null
   * @param dnt the {@code DNT} header value, or null
   */
  public ConsentState state(Pseudonym subject, String secGpc, String dnt) {
    ConsentState s = subject == null ? ConsentState.defaults(policy) : ledger.state(subject);
    Set<dev.warden.policy.OptOutSignal> present = signals.read(secGpc, dnt);
    return present.isEmpty() ? s : s.withSignals(present);
  }

  /** The response's {@code Set-Cookie} headers that may go out under {@code state}, and the deletions due. */
  public GateDecision filter(GateRequest request, List<String> setCookieHeaders, ConsentState state) {
    return gate.filter(request, setCookieHeaders, state);
  }

  /** Records a visitor's choice ({@link ConsentLedger#record(Pseudonym, Map, CollectionMethod, String)}). */
  public ConsentRecord record(Pseudonym subject, Map<String, Boolean> choices, CollectionMethod method,
      String language) {
    return ledger.record(subject, choices, method, language);
  }

  /**
   * A withdrawal and what to send with the response that confirms it.
   *
   * @param record the withdrawal as recorded
   * @param deletions {@code Set-Cookie} headers that delete the request's cookies of the withdrawn
   *     categories, in every domain and path variant a browser may hold
   */
  public record Withdrawal(ConsentRecord record, List<String> deletions) {
    public Withdrawal {
      Objects.requireNonNull(record, "record");
      deletions = List.copyOf(deletions);
    }
  }

  /**
   * Withdraws consent to every category that needs it, in one call, and returns the headers that
   * delete the cookies of those categories that the request carried.
   */
  public Withdrawal withdraw(Pseudonym subject, GateRequest request, CollectionMethod method, String language) {
    List<String> revoked = new ArrayList<>();
    for (CookieCategory c : policy.cookieCategories()) {
      if (c.consentRequired()) {
        revoked.add(c.id());
      }
    }
    return withdraw(subject, revoked, request, method, language);
  }

  /** Withdraws consent to some categories and returns the headers that delete their cookies. */
  public Withdrawal withdraw(Pseudonym subject, Collection<String> categories, GateRequest request,
      CollectionMethod method, String language) {
    ConsentRecord r = ledger.withdraw(subject, categories, method, language);
    return new Withdrawal(r, gate.withdrawal(request, categories));
  }

  /** Google Consent Mode v2 for a state ({@code gtag('consent', ...)} via {@link ConsentMode#gtag}). */
  public ConsentMode consentMode(ConsentState state) {
    return ConsentMode.of(policy, state);
  }

  /** Configures a {@link ConsentManager}. */
  public static final class Builder {
    private Policy policy = Policy.defaultPolicy();
    private final List<Policy> earlier = new ArrayList<>();
    private ConsentStore store;
    private final List<CookieCatalog> catalogs = new ArrayList<>();
    private CookieClassifier classifier;
    private String site;
    private boolean honourDoNotTrack;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The policy; default {@link Policy#defaultPolicy()}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Earlier versions of the policy, to tell a material change from a minor one. */
    public Builder earlierPolicies(Collection<Policy> policies) {
      policies.forEach(p -> earlier.add(Objects.requireNonNull(p, "earlier policy")));
      return this;
    }

    /** Where consent records go; required. */
    public Builder store(ConsentStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** A cookie catalog to load after the built-in one (for example an Open Cookie Database file). */
    public Builder addCatalog(CookieCatalog catalog) {
      catalogs.add(Objects.requireNonNull(catalog, "catalog"));
      return this;
    }

    /** A classifier of the host's own making, instead of one built from the policy and catalogs. */
    public Builder classifier(CookieClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /** The site's registrable domain ({@link CookieGate.Builder#site}); default: estimated per request. */
    public Builder site(String registrableDomain) {
      CookieGate.builder().site(registrableDomain); // validates, naming the value
      this.site = registrableDomain;
      return this;
    }

    /** Whether {@code DNT: 1} counts as an opt-out signal; default false (Do Not Track is deprecated). */
    public Builder honourDoNotTrack(boolean honour) {
      this.honourDoNotTrack = honour;
      return this;
    }

    /** The clock of records and cookie lifetimes; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the parts (training the classifier's learned model).
     *
     * @throws IllegalStateException if no store was given
     * @throws IllegalArgumentException if a given classifier was built for another policy
     */
    public ConsentManager build() {
      if (store == null) {
        throw new IllegalStateException("a consent manager needs a store: call store(ConsentStore.inMemory())"
            + " or store(ConsentStore.journal(dir).open())");
      }
      if (classifier != null && classifier.policy().isPresent() && !classifier.policy().get().equals(policy)) {
        throw new IllegalArgumentException("the classifier was built for policy " + classifier.policy().get().ref()
            + ", not " + policy.ref());
      }
      return new ConsentManager(this);
    }
  }
}
