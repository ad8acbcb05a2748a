package dev.warden.consent.gate;

import dev.warden.consent.ConsentState;
import dev.warden.consent.cookie.Classification;
import dev.warden.consent.cookie.ClassificationSource;
import dev.warden.consent.cookie.Cookie;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.cookie.CookieLabel;
import dev.warden.consent.gate.CookieVerdict.Outcome;
import dev.warden.consent.internal.CoarseClock;
import dev.warden.policy.CookieClass;
import dev.warden.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which {@code Set-Cookie} headers of a response may go out under a person's consent, and
 * deletes the cookies a consent no longer allows. Immutable and thread-safe; build one per policy.
 *
 * <p>Each header is parsed (RFC 6265), classified, and put in a cookie category of the policy. It
 * goes out when the consent allows the category; a persistent cookie that outlives the category's
 * maximum lifetime goes out with the lifetime cut to that maximum (a session cookie for a
 * session-only category). Headers that delete a cookie always go out. A header that cannot be
 * parsed, that a browser would refuse, or whose cookie falls in no category the consent allows is
 * dropped with the reason. A cookie of unknown purpose goes out only when the consent allows every
 * category; so does one that only the learned model places, with less than {@link
 * Builder#modelConfidenceToAllow(double)} confidence, in a category that needs no consent.
 *
 * <p>For the cookies the request carried, the gate also returns the headers that delete those whose
 * category the consent does not allow, in every domain and path variant a browser may hold
 * (host-only and each parent domain up to the site, and over HTTPS their partitioned twins): after
 * a withdrawal, the next response clears them, including cookies on the parent domain and
 * partitioned (CHIPS) cookies.
 *
 * {@snippet :
 * CookieGate gate = CookieGate.builder().policy(policy).classifier(classifier).build();
 * GateDecision d = gate.filter(GateRequest.https("www.example.com", "/").withCookies(cookieHeader),
 *     setCookieHeaders, consentState);
 * d.headers().forEach(h -> response.addHeader("Set-Cookie", h));
 * }
 */
public final class CookieGate {

  private final Policy policy;
  private final CookieClassifier classifier;
  private final CategoryResolver categories;
  private final Clock clock;
  private final String site;
  private final boolean capLifetimes;
  private final double modelConfidenceToAllow;
  private final boolean partitionedDeletions;

  private CookieGate(Builder b) {
    this.policy = b.policy;
    this.classifier = b.classifier != null ? b.classifier : CookieClassifier.builder().policy(b.policy).build();
    this.categories = new CategoryResolver(b.policy);
    this.clock = b.clock;
    this.site = b.site;
    this.capLifetimes = b.capLifetimes;
    this.modelConfidenceToAllow = b.modelConfidenceToAllow;
    this.partitionedDeletions = b.partitionedDeletions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The policy the gate enforces. */
  public Policy policy() {
    return policy;
  }

  /**
   * Filters a response's {@code Set-Cookie} headers under a consent, and expires the request's
   * cookies the consent does not allow.
   *
   * @throws CookieHeaderException if the request's {@code Cookie} header is refused (control
   *     characters or oversized); malformed {@code Set-Cookie} headers are dropped, not thrown
   */
  public GateDecision filter(GateRequest request, List<String> setCookieHeaders, ConsentState consent) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(setCookieHeaders, "setCookieHeaders");
    Objects.requireNonNull(consent, "consent");
    // Lifetimes are whole seconds: a system clock reading up to ~10 ms old will do (CoarseClock).
    Instant now = CoarseClock.instant(clock);
    boolean allGranted = allGranted(consent);
    String site = siteFor(request);
    List<CookieVerdict> verdicts = new ArrayList<>(setCookieHeaders.size());
    for (String h : setCookieHeaders) {
      verdicts.add(one(request, site, h, consent, now, allGranted));
    }
    return new GateDecision(verdicts, expiring(request, consent, allGranted));
  }

  /**
   * The headers that delete every cookie of the request whose category is one of {@code revoked},
   * in every domain and path variant: what to send right after a withdrawal.
   */
  public List<String> withdrawal(GateRequest request, Collection<String> revoked) {
    Set<String> out = new LinkedHashSet<>();
    for (RequestCookie rc : CookieHeaders.parseCookieHeader(request.cookieHeader())) {
      CategoryResolver.Slot slot = slotOf(rc, request);
      if (slot != null && revoked.contains(slot.category().id())
          && slot.category().cookieClass() != CookieClass.NECESSARY) {
        out.addAll(DeletionVariants.headers(rc.name(), request, siteFor(request), partitionedDeletions));
      }
    }
    return new ArrayList<>(out);
  }

  private CookieVerdict one(GateRequest request, String site, String header, ConsentState consent, Instant now,
      boolean allGranted) {
    ParsedSetCookie sc;
    try {
      sc = SetCookieParser.parse(header);
    } catch (CookieHeaderException e) {
      return new CookieVerdict(Outcome.DROPPED, "", Optional.empty(), Optional.empty(), Optional.empty(),
          "malformed: " + e.getMessage());
    }
    long life = sc.lifetimeCeilSeconds(now);
    if (life == 0) {
      return allowed(sc, null, null, header, "deletes the cookie");
    }
    String prefix = sc.name.startsWith("__") ? sc.prefixProblem() : null;
    if (prefix != null) {
      return dropped(sc, null, null, "a browser would refuse it: " + prefix);
    }
    if (sc.domain != null && !domainMatches(request.host(), sc.domain)) {
      return dropped(sc, null, null, "a browser would refuse it: Domain=" + sc.domain
          + " does not cover host " + request.host());
    }
    String domain = sc.domain != null ? sc.domain : request.host();
    // Most cookies are known by name: only the learned model needs the whole cookie.
    Classification c = classifier.lookup(sc.name, domain, site).orElse(null);
    if (c == null) {
      c = classifier.classify(new Cookie(sc.name, sc.value(), domain, sc.path != null ? sc.path : "/",
          sc.lifetime(now), sc.secure, sc.httpOnly, sc.sameSite, site));
    }
    CategoryResolver.Slot slot = c.label() == CookieLabel.UNKNOWN ? null : categories.resolve(c, life);
    if (slot != null && c.source() == ClassificationSource.MODEL && c.confidence() < modelConfidenceToAllow
        && consent.allows(slot.category()) && !slot.category().consentRequired()) {
      // A guess must not carry an unknown cookie past the consent check.
      slot = null;
    }
    if (slot == null) {
      return allGranted
          ? allowed(sc, null, c, header, "purpose unknown; allowed because every category is granted")
          : dropped(sc, null, c, "purpose unknown (" + c.rule() + "); allowed only when every category is granted");
    }
    if (!consent.allows(slot.category())) {
      return dropped(sc, slot, c, consent.deniedBy(slot.category()));
    }
    if (capLifetimes && !slot.admits(life)) {
      return new CookieVerdict(Outcome.REWRITTEN, sc.name, slot.id(), Optional.of(c),
          Optional.of(sc.headerWithLifetime(slot.maxLifetime())), slot.cutReason());
    }
    return allowed(sc, slot, c, header, slot.allowedReason());
  }

  private List<String> expiring(GateRequest request, ConsentState consent, boolean allGranted) {
    if (request.cookieHeader().isEmpty() || allGranted) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (RequestCookie rc : CookieHeaders.parseCookieHeader(request.cookieHeader())) {
      CategoryResolver.Slot slot = slotOf(rc, request);
      if (slot != null && slot.category().cookieClass() != CookieClass.NECESSARY
          && !consent.allows(slot.category())) {
        out.addAll(DeletionVariants.headers(rc.name(), request, siteFor(request), partitionedDeletions));
      }
    }
    return new ArrayList<>(out);
  }

  /** The category of a cookie the browser sent; null when its purpose is unknown. */
  private CategoryResolver.Slot slotOf(RequestCookie rc, GateRequest request) {
    Cookie cookie = Cookie.builder(rc.name()).value(rc.value()).firstPartySite(siteFor(request)).build();
    Classification c = classifier.classify(cookie);
    return c.label() == CookieLabel.UNKNOWN ? null : categories.resolve(c, null);
  }

  private boolean allGranted(ConsentState consent) {
    for (CategoryResolver.Slot s : categories.all()) {
      if (!consent.allows(s.category())) {
        return false;
      }
    }
    return true;
  }

  private String siteFor(GateRequest request) {
    return site != null ? site : Cookie.siteOf(request.host());
  }

  private static boolean domainMatches(String host, String domain) {
    return host.equals(domain) || (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.');
  }

  private static CookieVerdict allowed(ParsedSetCookie sc, CategoryResolver.Slot slot, Classification c,
      String header, String reason) {
    return new CookieVerdict(Outcome.ALLOWED, sc.name, slot == null ? Optional.empty() : slot.id(),
        Optional.ofNullable(c),
        Optional.of(header), reason);
  }

  private static CookieVerdict dropped(ParsedSetCookie sc, CategoryResolver.Slot slot, Classification c,
      String reason) {
    return new CookieVerdict(Outcome.DROPPED, sc.name, slot == null ? Optional.empty() : slot.id(),
        Optional.ofNullable(c),
        Optional.empty(), reason);
  }

  /** Configures a {@link CookieGate}. */
  public static final class Builder {
    private Policy policy = Policy.defaultPolicy();
    private CookieClassifier classifier;
    private Clock clock = Clock.systemUTC();
    private String site;
    private boolean capLifetimes = true;
    private double modelConfidenceToAllow = 0.9;
    private boolean partitionedDeletions = true;

    private Builder() {}

    /** The policy to enforce; default {@link Policy#defaultPolicy()}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The classifier; default: the built-in catalog and the policy's declarations. */
    public Builder classifier(CookieClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /** The clock that dates {@code Expires}; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The site's registrable domain ({@code example.co.uk}): the highest domain deletions are sent
     * for, and what counts as first party. Default: estimated from each request's host.
     */
    public Builder site(String registrableDomain) {
      Objects.requireNonNull(registrableDomain, "registrableDomain");
      String s = registrableDomain.strip().toLowerCase(java.util.Locale.ROOT);
      if (s.startsWith(".")) {
        s = s.substring(1);
      }
      if (s.isEmpty() || s.indexOf('.') < 0 || s.indexOf('/') >= 0 || s.indexOf(':') >= 0) {
        throw new IllegalArgumentException("site must be a registrable domain such as example.com, got '"
            + registrableDomain + "'");
      }
      this.site = s;
      return this;
    }

    /**
     * Whether to cut lifetimes that exceed the category's maximum (default true); when false such
     * cookies go out unchanged.
     */
    public Builder capLifetimes(boolean cap) {
      this.capLifetimes = cap;
      return this;
    }

    /**
     * How sure the learned model must be before a cookie no catalog knows goes out in a category
     * that needs no consent; below it the cookie counts as of unknown purpose. Default 0.9.
     */
    public Builder modelConfidenceToAllow(double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("modelConfidenceToAllow must be in [0,1], got " + p);
      }
      this.modelConfidenceToAllow = p;
      return this;
    }

    /**
     * Whether deletions over HTTPS also go out with {@code Partitioned}, to reach a partitioned
     * (CHIPS) cookie of the same name, which an unpartitioned deletion leaves alone; default true.
     * Turn it off to halve the deleting headers of a site that sets no partitioned cookies.
     */
    public Builder partitionedDeletions(boolean send) {
      this.partitionedDeletions = send;
      return this;
    }

    public CookieGate build() {
      return new CookieGate(this);
    }
  }
}
