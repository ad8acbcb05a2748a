package dev.warden.consent.gate;

import dev.warden.consent.cookie.Classification;
import dev.warden.consent.cookie.CookieLabel;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.Policy;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a classified cookie in one of the policy's cookie categories: the declared one, else a
 * category of the cookie's class whose lifetime admits the cookie (the first of the class when
 * none does).
 */
final class CategoryResolver {

  /**
   * A category with its maximum lifetime as a duration (null: session only), and the gate's
   * reasons for it written once rather than per cookie.
   */
  record Slot(CookieCategory category, Duration maxLifetime, long maxSeconds, Optional<String> id,
      String allowedReason, String cutReason) {
    Slot(CookieCategory category, Duration maxLifetime) {
      this(category, maxLifetime, maxLifetime == null ? -1 : maxLifetime.getSeconds(), Optional.of(category.id()),
          "category '" + category.id() + "' is allowed", maxLifetime == null
          ? "category '" + category.id() + "' allows session cookies only: made a session cookie"
          : "lifetime cut to the " + category.maxLifetime().orElseThrow() + " maximum of category '" + category.id()
              + "'");
    }

    /** Whether a lifetime in whole seconds rounded up (-1: a session cookie) is within the maximum. */
    boolean admits(long ceilSeconds) {
      return ceilSeconds < 0 || (maxSeconds >= 0 && ceilSeconds <= maxSeconds);
    }
  }

  private final Map<CookieLabel, List<Slot>> byLabel = new EnumMap<>(CookieLabel.class);
  private final Map<String, Slot> byId = new java.util.HashMap<>();
  private final List<Slot> all = new ArrayList<>();

  CategoryResolver(Policy policy) {
    for (CookieCategory c : policy.cookieCategories()) {
      Slot s = new Slot(c, c.maxLifetime().map(CategoryResolver::estimate).orElse(null));
      byLabel.computeIfAbsent(CookieLabel.of(c.cookieClass()), k -> new ArrayList<>()).add(s);
      byId.put(c.id(), s);
      all.add(s);
    }
  }

  /**
   * A period as a duration, a month being a twelfth of a 365.2425-day year (java.time's estimate),
   * so the answer does not depend on today's date.
   */
  static Duration estimate(Period p) {
    long days = p.getDays() + Math.round(p.toTotalMonths() * 365.2425 / 12);
    return Duration.ofDays(days);
  }

  Slot byId(String id) {
    return byId.get(id);
  }

  /** As {@link #resolve(Classification, Duration)} for a lifetime in whole seconds rounded up (-1: session). */
  Slot resolve(Classification c, long ceilSeconds) {
    if (c.policyCategory().isPresent()) {
      return byId.get(c.policyCategory().get());
    }
    List<Slot> slots = byLabel.get(c.label());
    if (slots == null) {
      return null;
    }
    for (Slot s : slots) {
      if (s.admits(ceilSeconds)) {
        return s;
      }
    }
    return slots.get(0);
  }

  /** The slot for a classification, or null when the policy has no category for it. */
  Slot resolve(Classification c, Duration lifetime) {
    long ceilSeconds = lifetime == null ? -1
        : Math.max(0, lifetime.getSeconds() + (lifetime.getNano() > 0 ? 1 : 0));
    return resolve(c, ceilSeconds);
  }

  List<Slot> all() {
    return all;
  }
}
