package dev.warden.consent.cookie;

import dev.warden.policy.CookieCategory;
import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieDeclaration;
import dev.warden.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The cookies a host declares in its policy, indexed by name. */
final class PolicyDeclarations {

  /**
   * One declaration with the category it belongs to, and the classification a cookie it matches
   * gets (made once: a gate looks up every cookie of every response).
   */
  record Declared(CookieDeclaration declaration, CookieCategory category, Classification classification) {
    Declared(CookieDeclaration declaration, CookieCategory category) {
      this(declaration, category, new Classification(CookieLabel.of(category.cookieClass()), 1.0,
          ClassificationSource.POLICY, "policy: " + declaration.match().name().toLowerCase(Locale.ROOT) + " "
              + declaration.name() + " in category " + category.id(), Optional.of(category.id())));
    }

    CookieClass cookieClass() {
      return category.cookieClass();
    }
  }

  private final List<Declared> all;
  private final NameIndex<Declared> index;

  PolicyDeclarations(Optional<Policy> policy) {
    List<Declared> ds = new ArrayList<>();
    policy.ifPresent(p -> {
      for (CookieCategory c : p.cookieCategories()) {
        for (CookieDeclaration d : c.cookies()) {
          ds.add(new Declared(d, c));
        }
      }
    });
    this.all = List.copyOf(ds);
    this.index = new NameIndex<>(all, d -> d.declaration().name(), d -> d.declaration().match());
  }

  List<Declared> all() {
    return all;
  }

  /** The declaration matching the cookie, honouring a declaration's domain limit. */
  Declared find(String name, String domain, String firstPartySite) {
    if (all.isEmpty()) {
      return null;
    }
    NameIndex.Hit<Declared> hit = index.find(name);
    if (hit == null) {
      return null;
    }
    String where = domain.isEmpty() ? firstPartySite : domain;
    for (Declared d : hit.entries()) {
      Optional<String> limit = d.declaration().domain();
      if (limit.isEmpty() || where.isEmpty()
          || Sites.siteOf(limit.get()).equals(Sites.siteOf(where))) {
        return d;
      }
    }
    return null;
  }
}
