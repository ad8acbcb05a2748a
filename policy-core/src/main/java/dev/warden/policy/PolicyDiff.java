package dev.warden.policy;

import dev.warden.policy.PolicyChange.Impact;
import dev.warden.policy.decision.PolicyRef;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The differences between two versions of a policy, each classified as material (ask for consent
 * again) or minor (a notice is enough). Consent records given under the old version stay valid
 * across a diff with no material change.
 *
 * {@snippet :
 * PolicyDiff diff = PolicyDiff.between(previous, current);
 * if (diff.isMaterial()) {
 *   // invalidate consents recorded under previous.ref()
 * }
 * }
 *
 * @param from the old policy
 * @param to the new policy
 * @param changes every change, material ones first, then in document order
 */
public record PolicyDiff(PolicyRef from, PolicyRef to, List<PolicyChange> changes) {

  public PolicyDiff {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    changes = List.copyOf(changes);
  }

  /** Compares two policies. */
  public static PolicyDiff between(Policy oldPolicy, Policy newPolicy) {
    Objects.requireNonNull(oldPolicy, "oldPolicy");
    Objects.requireNonNull(newPolicy, "newPolicy");
    Differ d = new Differ(oldPolicy, newPolicy);
    d.run();
    List<PolicyChange> sorted = new ArrayList<>(d.changes);
    sorted.sort(Comparator.comparing(PolicyChange::impact)); // stable: document order within impact
    return new PolicyDiff(oldPolicy.ref(), newPolicy.ref(), sorted);
  }

  /** Whether any change needs fresh consent. */
  public boolean isMaterial() {
    return changes.stream().anyMatch(PolicyChange::material);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public List<PolicyChange> material() {
    return changes.stream().filter(PolicyChange::material).toList();
  }

  public List<PolicyChange> minor() {
    return changes.stream().filter(c -> !c.material()).toList();
  }

  /** Walks both policies section by section. */
  private static final class Differ {
    final Policy a;
    final Policy b;
    final List<PolicyChange> changes = new ArrayList<>();

    Differ(Policy a, Policy b) {
      this.a = a;
      this.b = b;
    }

    void add(Impact impact, String path, String description) {
      changes.add(new PolicyChange(impact, path, description));
    }

    void minorIfChanged(String path, String what, Object x, Object y) {
      if (!Objects.equals(x, y)) {
        add(Impact.MINOR, path, what + " changed from " + show(x) + " to " + show(y));
      }
    }

    void run() {
      minorIfChanged("/id", "policy id", a.id(), b.id());
      minorIfChanged("/version", "version", a.version(), b.version());
      minorIfChanged("/effectiveDate", "effective date", a.effectiveDate(), b.effectiveDate());
      minorIfChanged("/contact", "contact", a.contact(), b.contact());
      dataCategories();
      recipients();
      purposes();
      cookieCategories();
      retention();
      contentRules();
      minorIfChanged("/enforcement", "enforcement ladder", a.enforcement(), b.enforcement());
      consent();
      minorIfChanged("/dataSubjectRights", "data-subject rights", a.dataSubjectRights(),
          b.dataSubjectRights());
    }

    void dataCategories() {
      pairs(a.dataCategories(), b.dataCategories(), DataCategory::id, "/dataCategories", "data category",
          c -> Impact.MINOR, (path, x, y) -> {
            minorIfChanged(path + "/description", "description", x.description(), y.description());
            if (x.personal() != y.personal()) {
              add(Impact.MINOR, path + "/personal", "personal changed from " + x.personal() + " to " + y.personal());
            }
          });
    }

    void recipients() {
      pairs(a.recipients(), b.recipients(), Recipient::id, "/recipients", "recipient",
          r -> r.thirdParty() ? Impact.MATERIAL : Impact.MINOR, (path, x, y) -> {
            minorIfChanged(path + "/name", "name", x.name(), y.name());
            if (!x.thirdParty() && y.thirdParty()) {
              add(Impact.MATERIAL, path + "/thirdParty", "recipient '" + y.id() + "' is now a third party");
            } else if (x.thirdParty() && !y.thirdParty()) {
              add(Impact.MINOR, path + "/thirdParty", "recipient '" + y.id() + "' is no longer a third party");
            }
            if (!x.country().equals(y.country())) {
              add(y.thirdParty() ? Impact.MATERIAL : Impact.MINOR, path + "/country",
                  "recipient country changed from " + show(x.country()) + " to " + show(y.country()));
            }
          });
    }

    void purposes() {
      pairs(a.purposes(), b.purposes(), Purpose::id, "/purposes", "purpose",
          p -> p.needsConsent() ? Impact.MATERIAL : Impact.MINOR, (path, x, y) -> {
            minorIfChanged(path + "/description", "description", x.description(), y.description());
            if (x.legalBasis() != y.legalBasis()) {
              boolean material = x.needsConsent() || y.needsConsent();
              add(material ? Impact.MATERIAL : Impact.MINOR, path + "/legalBasis", "legal basis changed from "
                  + JsonNames.of(x.legalBasis()) + " to " + JsonNames.of(y.legalBasis()));
            }
            for (String c : added(x.dataCategories(), y.dataCategories())) {
              add(y.needsConsent() ? Impact.MATERIAL : Impact.MINOR, path + "/dataCategories/" + c,
                  "purpose '" + y.id() + "' now uses data category '" + c + "'");
            }
            for (String c : added(y.dataCategories(), x.dataCategories())) {
              add(Impact.MINOR, path + "/dataCategories/" + c, "purpose '" + y.id() + "' no longer uses data category '" + c + "'");
            }
            for (String r : added(x.recipients(), y.recipients())) {
              boolean third = b.recipient(r).map(Recipient::thirdParty).orElse(true);
              add(third ? Impact.MATERIAL : Impact.MINOR, path + "/recipients/" + r,
                  "purpose '" + y.id() + "' now discloses data to " + (third ? "third party " : "") + "'" + r + "'");
            }
            for (String r : added(y.recipients(), x.recipients())) {
              add(Impact.MINOR, path + "/recipients/" + r, "purpose '" + y.id() + "' no longer discloses data to '" + r + "'");
            }
          });
    }

    void cookieCategories() {
      pairs(a.cookieCategories(), b.cookieCategories(), CookieCategory::id, "/cookieCategories",
          "cookie category", c -> Impact.MATERIAL, (path, x, y) -> {
            minorIfChanged(path + "/description", "description", x.description(), y.description());
            if (x.cookieClass() != y.cookieClass()) {
              boolean wider = y.cookieClass().ordinal() > x.cookieClass().ordinal();
              add(wider ? Impact.MATERIAL : Impact.MINOR, path + "/class", "class changed from "
                  + JsonNames.of(x.cookieClass()) + " to " + JsonNames.of(y.cookieClass()));
            }
            for (String p : added(x.purposes(), y.purposes())) {
              add(Impact.MATERIAL, path + "/purposes/" + p, "cookie category '" + y.id() + "' now serves purpose '" + p + "'");
            }
            for (String p : added(y.purposes(), x.purposes())) {
              add(Impact.MINOR, path + "/purposes/" + p, "cookie category '" + y.id() + "' no longer serves purpose '" + p + "'");
            }
            if (x.consentRequired() != y.consentRequired()) {
              add(x.consentRequired() ? Impact.MATERIAL : Impact.MINOR, path + "/consentRequired",
                  "consent " + (y.consentRequired() ? "is now" : "is no longer") + " required");
            }
            if (x.defaultState() != y.defaultState()) {
              add(y.defaultState() == ConsentDefault.GRANTED ? Impact.MATERIAL : Impact.MINOR,
                  path + "/defaultState", "default state changed from " + JsonNames.of(x.defaultState())
                      + " to " + JsonNames.of(y.defaultState()));
            }
            lifetime(path, x.maxLifetime(), y.maxLifetime());
            for (OptOutSignal s : x.optOutSignals()) {
              if (!y.optOutSignals().contains(s)) {
                add(Impact.MATERIAL, path + "/optOutSignals/" + JsonNames.of(s), "opt-out signal '" + JsonNames.of(s) + "' is no longer honoured");
              }
            }
            for (OptOutSignal s : y.optOutSignals()) {
              if (!x.optOutSignals().contains(s)) {
                add(Impact.MINOR, path + "/optOutSignals/" + JsonNames.of(s), "opt-out signal '" + JsonNames.of(s) + "' is now honoured");
              }
            }
            if (!Set.copyOf(x.cookies()).equals(Set.copyOf(y.cookies()))) {
              add(Impact.MINOR, path + "/cookies", "declared cookies changed from " + names(x.cookies())
                  + " to " + names(y.cookies()));
            }
          });
    }

    void lifetime(String path, Optional<Period> x, Optional<Period> y) {
      if (x.equals(y)) {
        return;
      }
      boolean longer = y.isPresent() && (x.isEmpty() || Periods.longer(y.get(), x.get()));
      add(longer ? Impact.MATERIAL : Impact.MINOR, path + "/maxLifetime", "maximum lifetime changed from "
          + x.map(Period::toString).orElse("session") + " to " + y.map(Period::toString).orElse("session"));
    }

    void retention() {
      Map<String, RetentionRule> old = index(a.retention(), RetentionRule::dataCategory);
      Map<String, RetentionRule> neu = index(b.retention(), RetentionRule::dataCategory);
      for (RetentionRule x : old.values()) {
        String path = "/retention/" + JsonNames.pointerToken(x.dataCategory());
        RetentionRule y = neu.get(x.dataCategory());
        if (y == null) {
          add(Impact.MATERIAL, path, "retention rule for '" + x.dataCategory()
              + "' removed: the data is no longer limited to " + x.period());
          continue;
        }
        if (Periods.longer(y.period(), x.period())) {
          add(Impact.MATERIAL, path + "/period", "retention of '" + x.dataCategory() + "' extended from "
              + x.period() + " to " + y.period());
        } else if (!x.period().equals(y.period())) {
          add(Impact.MINOR, path + "/period", "retention of '" + x.dataCategory() + "' shortened from "
              + x.period() + " to " + y.period());
        }
        if (x.from() != y.from()) {
          add(Impact.MATERIAL, path + "/from", "retention of '" + x.dataCategory() + "' now counts from "
              + JsonNames.of(y.from()) + " instead of " + JsonNames.of(x.from()));
        }
        for (ExemptionReason reason : ExemptionReason.values()) {
          Optional<RetentionExemption> ex = x.exemption(reason);
          Optional<RetentionExemption> ey = y.exemption(reason);
          String at = path + "/exemptions/" + JsonNames.of(reason);
          if (ex.isEmpty() && ey.isPresent()) {
            add(Impact.MATERIAL, at, "new exemption '" + JsonNames.of(reason) + "' lets '" + x.dataCategory()
                + "' be kept " + ey.get().maxPeriod().map(p -> "up to " + p).orElse("without a limit"));
          } else if (ex.isPresent() && ey.isEmpty()) {
            add(Impact.MINOR, at, "exemption '" + JsonNames.of(reason) + "' removed");
          } else if (ex.isPresent() && !ex.equals(ey)) {
            Optional<Period> px = ex.get().maxPeriod();
            Optional<Period> py = ey.get().maxPeriod();
            boolean longer = py.isEmpty() || (px.isPresent() && Periods.longer(py.get(), px.get()));
            add(longer ? Impact.MATERIAL : Impact.MINOR, at + "/maxPeriod", "exemption '"
                + JsonNames.of(reason) + "' limit changed from " + px.map(Period::toString).orElse("none")
                + " to " + py.map(Period::toString).orElse("none"));
          }
        }
      }
      for (RetentionRule y : neu.values()) {
        if (!old.containsKey(y.dataCategory())) {
          add(Impact.MINOR, "/retention/" + JsonNames.pointerToken(y.dataCategory()),
              "new retention rule: '" + y.dataCategory() + "' kept " + y.period() + " from " + JsonNames.of(y.from()));
        }
      }
    }

    void contentRules() {
      pairs(a.contentRules(), b.contentRules(), r -> r.category().id(), "/contentRules", "content rule",
          r -> Impact.MINOR, (path, x, y) -> {
            minorIfChanged(path + "/actions", "actions", x.actions(), y.actions());
            minorIfChanged(path + "/threshold", "threshold", x.threshold(), y.threshold());
          });
    }

    void consent() {
      ConsentSettings x = a.consent();
      ConsentSettings y = b.consent();
      minorIfChanged("/consent/validity", "consent validity", x.validity(), y.validity());
      minorIfChanged("/consent/renewOnMaterialChange", "renewOnMaterialChange",
          x.renewOnMaterialChange(), y.renewOnMaterialChange());
    }

    interface Compare<T> {
      void changed(String path, T x, T y);
    }

    /** Reports removed and added elements, and calls {@code compare} for kept ones. */
    <T> void pairs(List<T> xs, List<T> ys, Function<T, String> id, String section, String noun,
        Function<T, Impact> addedImpact, Compare<T> compare) {
      Map<String, T> old = index(xs, id);
      Map<String, T> neu = index(ys, id);
      for (Map.Entry<String, T> e : old.entrySet()) {
        String path = section + "/" + JsonNames.pointerToken(e.getKey());
        T y = neu.get(e.getKey());
        if (y == null) {
          add(Impact.MINOR, path, noun + " '" + e.getKey() + "' removed");
        } else if (!e.getValue().equals(y)) {
          compare.changed(path, e.getValue(), y);
        }
      }
      for (Map.Entry<String, T> e : neu.entrySet()) {
        if (!old.containsKey(e.getKey())) {
          add(addedImpact.apply(e.getValue()), section + "/" + JsonNames.pointerToken(e.getKey()),
              "new " + noun + " '" + e.getKey() + "'" + addedDetail(e.getValue()));
        }
      }
    }

    static String addedDetail(Object o) {
      if (o instanceof Purpose p) {
        return " (legal basis " + JsonNames.of(p.legalBasis()) + ")";
      }
      if (o instanceof Recipient r) {
        return r.thirdParty() ? " (third party)" : "";
      }
      if (o instanceof CookieCategory c) {
        return " (" + JsonNames.of(c.cookieClass()) + (c.consentRequired() ? ", consent required" : "") + ")";
      }
      return "";
    }

    static <T> Map<String, T> index(List<T> xs, Function<T, String> id) {
      Map<String, T> m = new LinkedHashMap<>();
      for (T x : xs) {
        m.put(id.apply(x), x);
      }
      return m;
    }

    static List<String> added(List<String> before, List<String> after) {
      return after.stream().filter(s -> !before.contains(s)).toList();
    }

    static String names(List<CookieDeclaration> ds) {
      return ds.stream().map(d -> d.name()).toList().toString();
    }

    static String show(Object o) {
      if (o instanceof Optional<?> opt) {
        return opt.map(PolicyDiff.Differ::show).orElse("none");
      }
      return o instanceof String s ? "'" + s + "'" : String.valueOf(o);
    }
  }
}
