package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import dev.warden.policy.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies cookies by purpose. Immutable and thread-safe once built; build one per policy and
 * share it.
 *
 * <p>Sources are asked in order: the host's declarations in its policy, the {@linkplain
 * CookieCatalog#builtIn() built-in catalog} (its names, then its site rules: a cookie an ad or
 * analytics vendor sets on its own site, third-party in the page, has the vendor's purpose whatever
 * its name), the catalogs the host loaded (in the order added),
 * then an OpenNLP model trained, when {@link Builder#build()} runs, on every entry of those
 * catalogs and declarations (a name known to an earlier source is taught with that source's label).
 * The model always gives its best class with its probability as the confidence, so that a caller
 * decides how far to trust it (the {@code CookieGate} lets a model-placed cookie into a category
 * that needs no consent only above its own, high threshold); with {@link
 * Builder#minModelConfidence(double)} the classifier itself answers {@link CookieLabel#UNKNOWN}
 * below a probability.
 *
 * {@snippet :
 * CookieClassifier classifier = CookieClassifier.builder()
 *     .policy(Policy.defaultPolicy())
 *     .addCatalog(CookieCatalog.openCookieDatabase(Path.of("open-cookie-database.csv")))
 *     .build();
 * Classification c = classifier.classify(Cookie.named("_ga"));   // analytics, built-in
 * }
 */
public final class CookieClassifier {

  private static final Logger LOG = LoggerFactory.getLogger(CookieClassifier.class);

  private final Optional<Policy> policy;
  private final PolicyDeclarations declarations;
  private final boolean builtIn;
  private final List<CookieCatalog> catalogs;
  private final LearnedModel modelKind;
  private final double minModelConfidence;
  private final CookieModel model;
  /**
   * Each catalog entry's answers (one slot per kind of match), keyed by identity: a record's own
   * hash would hash every field on each look-up. Filled lazily; a race writes equal values.
   */
  private final Map<CatalogEntry, Classification[]> cached = new IdentityHashMap<>();
  /** A site rule is weaker evidence than a name: the confidence of its classifications. */
  static final double SITE_RULE_CONFIDENCE = 0.8;
  private final Map<SiteRule, Classification> siteClassifications = new ConcurrentHashMap<>();

  private CookieClassifier(Builder b) {
    this.policy = b.policy;
    this.declarations = new PolicyDeclarations(b.policy);
    this.builtIn = b.builtIn;
    this.catalogs = List.copyOf(b.catalogs);
    this.modelKind = b.model;
    this.minModelConfidence = b.minModelConfidence;
    for (CookieCatalog cat : catalogs()) {
      for (CatalogEntry e : cat.entries()) {
        cached.putIfAbsent(e, new Classification[6]);
      }
    }
    this.model = CookieModel.train(trainingExamples(), b.model);
    if (model != null) {
      LOG.debug("cookie model ({}) trained on {} examples", modelKind, model.examples());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this classifier's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.policy = policy;
    b.builtIn = builtIn;
    b.catalogs.addAll(catalogs);
    b.model = modelKind;
    b.minModelConfidence = minModelConfidence;
    return b;
  }

  /** Classifies one cookie. */
  public Classification classify(Cookie cookie) {
    Objects.requireNonNull(cookie, "cookie");
    Classification c = lookupOrNull(cookie.name(), cookie.domain(), cookie.firstPartySite());
    return c != null ? c : predict(FeatureInput.of(cookie));
  }

  /** Classifies cookies, in order. */
  public List<Classification> classifyAll(List<Cookie> cookies) {
    List<Classification> out = new ArrayList<>(cookies.size());
    for (Cookie c : cookies) {
      out.add(classify(c));
    }
    return out;
  }

  /** The policy whose declarations come first, if any. */
  public Optional<Policy> policy() {
    return policy;
  }

  /** How many distinct examples the learned model was trained on; 0 without a model. */
  public int modelExamples() {
    return model == null ? 0 : model.examples();
  }

  /** The learned model, or null. */
  CookieModel model() {
    return model;
  }

  /** The catalogs asked, in order (the built-in one first when enabled). */
  public List<CookieCatalog> catalogs() {
    List<CookieCatalog> all = new ArrayList<>();
    if (builtIn) {
      all.add(CookieCatalog.builtIn());
    }
    all.addAll(catalogs);
    return all;
  }

  /**
   * What the policy's declarations and the catalogs say of a cookie, without the learned model:
   * empty when no source knows the name (or, for the built-in site rules, the site). The answer
   * {@link #classify} gives whenever this is present, for a caller that has a name but no {@link
   * Cookie} yet.
   *
   * @param domain the cookie's domain, or empty
   * @param firstPartySite the site it was seen on, or empty
   */
  public Optional<Classification> lookup(String name, String domain, String firstPartySite) {
    return Optional.ofNullable(lookupOrNull(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(domain, "domain"), Objects.requireNonNull(firstPartySite, "firstPartySite")));
  }

  /** Catalog and declaration lookup only; null when no source knows the name or site. */
  Classification lookupOrNull(String name, String domain, String firstPartySite) {
    PolicyDeclarations.Declared d = declarations.find(name, domain, firstPartySite);
    if (d != null) {
      return d.classification();
    }
    if (builtIn) {
      CookieCatalog.Match m = CookieCatalog.builtIn().match(name, domain);
      if (m != null) {
        return cachedFor(m, ClassificationSource.BUILT_IN, "built-in");
      }
      SiteRule rule = CookieCatalog.builtIn().siteRule(domain, firstPartySite);
      if (rule != null) {
        return siteClassifications.computeIfAbsent(rule, r -> new Classification(CookieLabel.of(r.cookieClass()),
            SITE_RULE_CONFIDENCE, ClassificationSource.BUILT_IN, "built-in: " + r.describe(), Optional.empty()));
      }
    }
    for (CookieCatalog cat : catalogs) {
      CookieCatalog.Match m = cat.match(name, domain);
      if (m != null) {
        return cachedFor(m, ClassificationSource.CATALOG, cat.name());
      }
    }
    return null;
  }

  /** The learned model's answer, or unknown. */
  Classification predict(FeatureInput in) {
    if (model == null) {
      return Classification.unknown(0, "no catalog knows the name and there is no learned model");
    }
    CookieModel.Prediction p = model.predict(in);
    if (p.probability() < minModelConfidence) {
      return Classification.unknown(p.probability(), p.describe() + " below " + minModelConfidence);
    }
    return new Classification(CookieLabel.of(p.label()), p.probability(), ClassificationSource.MODEL,
        p.describe(), Optional.empty());
  }

  private Classification cachedFor(CookieCatalog.Match m, ClassificationSource source, String catalogName) {
    Classification[] slots = cached.get(m.entry());
    int slot = m.by().ordinal() * 2 + (m.exactCase() ? 0 : 1);
    Classification c = slots[slot];
    if (c == null) {
      double confidence = switch (m.by()) {
        case EXACT -> m.exactCase() ? 1.0 : 0.9;
        case PREFIX -> m.exactCase() ? 0.95 : 0.85;
        case PATTERN -> 0.85;
      };
      if (source == ClassificationSource.CATALOG) {
        confidence *= 0.95;
      }
      c = new Classification(CookieLabel.of(m.entry().cookieClass()), confidence, source,
          catalogName + ": " + m.entry().describe(), Optional.empty());
      slots[slot] = c; // benign race: equal values
    }
    return c;
  }

  /**
   * Training set: every entry of every source, except names an earlier source already knows (the
   * earlier source's label wins, as it does at lookup); within one source a name labelled two ways
   * is taught both ways.
   */
  private List<CookieModel.Example> trainingExamples() {
    List<CookieModel.Example> out = new ArrayList<>();
    Set<String> known = new HashSet<>();
    Set<String> seen = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (PolicyDeclarations.Declared d : declarations.all()) {
      if (d.declaration().match() != CookieMatch.PATTERN) {
        FeatureInput in = new FeatureInput(d.declaration().name(), "", d.declaration().domain().orElse(""), -1, -1);
        add(out, seen, names, known, in, d.cookieClass());
      }
    }
    known.addAll(names);
    for (CookieCatalog cat : catalogs()) {
      names.clear();
      for (CatalogEntry e : cat.entries()) {
        if (e.match() != CookieMatch.PATTERN) {
          FeatureInput in = FeatureInput.of(e);
          if (cat == CookieCatalog.builtIn()) {
            // The built-in catalog's lifetimes are per-group estimates, not observations: teaching
            // them would teach how the catalog was written.
            in = new FeatureInput(in.name(), in.value(), in.domain(), -1, in.party());
          }
          add(out, seen, names, known, in, e.cookieClass());
        }
      }
      known.addAll(names);
    }
    return out;
  }

  private static void add(List<CookieModel.Example> out, Set<String> seen, Set<String> names, Set<String> known,
      FeatureInput in, CookieClass label) {
    String key = CookieFeatures.normalize(in.name());
    if (known.contains(key)) {
      return;
    }
    names.add(key);
    if (seen.add(key + "|" + label)) {
      out.add(new CookieModel.Example(in, label));
    }
  }

  /** Configures a {@link CookieClassifier}. */
  public static final class Builder {
    private Optional<Policy> policy = Optional.empty();
    private boolean builtIn = true;
    private final List<CookieCatalog> catalogs = new ArrayList<>();
    private LearnedModel model = LearnedModel.MAXENT;
    private double minModelConfidence = 0;

    private Builder() {}

    /** The policy whose declared cookies are classified by the host's word first. */
    public Builder policy(Policy policy) {
      this.policy = Optional.of(Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /** Whether to use the built-in catalog; default true. */
    public Builder builtInCatalog(boolean use) {
      this.builtIn = use;
      return this;
    }

    /** Adds a catalog, asked after the built-in one and those added before. */
    public Builder addCatalog(CookieCatalog catalog) {
      catalogs.add(Objects.requireNonNull(catalog, "catalog"));
      return this;
    }

    /** The learned fallback; default {@link LearnedModel#MAXENT}. */
    public Builder learnedModel(LearnedModel kind) {
      this.model = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /**
     * The probability below which the model's answer becomes {@link CookieLabel#UNKNOWN}; default
     * 0, the model's best class always (with four classes, 0.25 is a guess; cross-validated on the
     * Open Cookie Database, 0.4 turns about a tenth of the model's answers into unknown and costs 3
     * to 5 points of accuracy, since about half of those guesses were right).
     */
    public Builder minModelConfidence(double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("minModelConfidence must be in [0,1], got " + p);
      }
      this.minModelConfidence = p;
      return this;
    }

    /** Trains the learned model and returns the classifier. */
    public CookieClassifier build() {
      return new CookieClassifier(this);
    }
  }
}
