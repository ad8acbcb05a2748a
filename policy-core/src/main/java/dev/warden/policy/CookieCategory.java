package dev.warden.policy;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A category of cookies the notice describes (necessary session cookies, the notice-acceptance
 * cookie, functional, analytics and advertising cookies) and the rules that govern it.
 *
 * @param id identifier, for example {@code necessary} or {@code advertising}
 * @param cookieClass the purpose class cookies of this category belong to
 * @param description what the notice says about the category
 * @param purposes ids of the purposes the cookies serve
 * @param consentRequired whether cookies of this category may only be set with consent
 * @param defaultState the state before the person chooses; must be {@code DENIED} when consent is
 *     required
 * @param maxLifetime the longest a cookie of this category may live; empty for session cookies only
 * @param optOutSignals browser signals that deny this category when present
 * @param cookies cookies the host declares in this category
 */
public record CookieCategory(
    String id,
    CookieClass cookieClass,
    String description,
    List<String> purposes,
    boolean consentRequired,
    ConsentDefault defaultState,
    Optional<Period> maxLifetime,
    Set<OptOutSignal> optOutSignals,
    List<CookieDeclaration> cookies) {

  public CookieCategory {
    Checks.id(id, "cookie category id");
    Objects.requireNonNull(cookieClass, "cookieClass");
    Checks.text(description, "cookie category description");
    purposes = Checks.ids(purposes, "cookie category purposes");
    Objects.requireNonNull(defaultState, "defaultState");
    Checks.require(defaultProblem(consentRequired, defaultState), "cookie category defaultState", defaultState);
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    maxLifetime.ifPresent(p -> Checks.period(p, true, "cookie category maxLifetime"));
    optOutSignals = Set.copyOf(optOutSignals);
    cookies = List.copyOf(cookies);
  }

  static String defaultProblem(boolean consentRequired, ConsentDefault state) {
    return consentRequired && state == ConsentDefault.GRANTED
        ? "must be 'denied' when consentRequired is true (consent cannot be pre-ticked)"
        : null;
  }

  /** Whether cookies of this category may outlive the browser session. */
  public boolean persistent() {
    return maxLifetime.isPresent();
  }
}
