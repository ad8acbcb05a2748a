package dev.warden.consent;

import dev.warden.policy.ConsentDefault;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.CookieClass;
import dev.warden.policy.OptOutSignal;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.PolicyRef;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a person has allowed right now: their choice per cookie category of a policy, and the
 * browser signals of the current request. A signal a category lists in its {@code optOutSignals}
 * denies that category whatever the stored choice; a category that needs consent is allowed only
 * when granted (or, never chosen, when its default is granted); one that needs no consent is
 * allowed unless the person refused it, and a necessary one always is.
 *
 * {@snippet :
 * ConsentState state = ConsentState.of(policy, Map.of("analytics", true, "advertising", true))
 *     .withSignals(Set.of(OptOutSignal.GPC));     // advertising is now denied: it honours GPC
 * boolean ok = state.allows(policy.cookieCategory("advertising").orElseThrow()); // false
 * }
 *
 * @param policy the policy the choices were made under
 * @param choices category id to granted (true) or denied (false)
 * @param signals opt-out signals present on the current request
 */
public record ConsentState(PolicyRef policy, Map<String, Boolean> choices, Set<OptOutSignal> signals) {

  public ConsentState {
    Objects.requireNonNull(policy, "policy");
    try {
      choices = Map.copyOf(choices); // no copy when already immutable: states are made per request
    } catch (NullPointerException e) {
      choices.forEach((k, v) -> {
        Objects.requireNonNull(k, "category id");
        if (v == null) {
          throw new NullPointerException("choice of '" + k + "'");
        }
      });
      throw e;
    }
    signals = signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
  }

  /** No choice made yet: every category is in its default state. */
  public static ConsentState defaults(Policy policy) {
    return new ConsentState(policy.ref(), Map.of(), Set.of());
  }

  /**
   * Choices under a policy.
   *
   * @throws IllegalArgumentException naming a category id the policy does not have
   */
  public static ConsentState of(Policy policy, Map<String, Boolean> choices) {
    for (String id : choices.keySet()) {
      if (policy.cookieCategory(id).isEmpty()) {
        throw new IllegalArgumentException("policy " + policy.ref() + " has no cookie category '" + id + "'");
      }
    }
    return new ConsentState(policy.ref(), choices, Set.of());
  }

  /** Every category granted, as after "accept all". */
  public static ConsentState allGranted(Policy policy) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    policy.cookieCategories().forEach(c -> m.put(c.id(), true));
    return new ConsentState(policy.ref(), m, Set.of());
  }

  /** This state with the given request signals. */
  public ConsentState withSignals(Set<OptOutSignal> signals) {
    return new ConsentState(policy, choices, signals);
  }

  /** Whether cookies of this category may be set. The same answer as {@code deniedBy(category) == null}. */
  public boolean allows(CookieCategory category) {
    if (!signals.isEmpty()) {
      for (OptOutSignal s : signals) {
        if (category.optOutSignals().contains(s)) {
          return false;
        }
      }
    }
    Boolean choice = choices.get(category.id());
    if (!category.consentRequired()) {
      return !Boolean.FALSE.equals(choice) || category.cookieClass() == CookieClass.NECESSARY;
    }
    return choice == null ? category.defaultState() == ConsentDefault.GRANTED : choice;
  }

  /**
   * Why cookies of this category may not be set, or null when they may: the signal that denies
   * it, or the missing or refused consent.
   */
  public String deniedBy(CookieCategory category) {
    if (!signals.isEmpty()) {
      for (OptOutSignal s : signals) {
        if (category.optOutSignals().contains(s)) {
          return s == OptOutSignal.GPC ? "denied by the Global Privacy Control signal"
              : "denied by the Do Not Track signal";
        }
      }
    }
    Boolean choice = choices.get(category.id());
    if (!category.consentRequired()) {
      // A person may refuse what needs no consent (preferences), but not what is strictly necessary.
      return Boolean.FALSE.equals(choice) && category.cookieClass() != CookieClass.NECESSARY
          ? reason(REFUSED, category.id()) : null;
    }
    if (choice == null) {
      return category.defaultState() == ConsentDefault.GRANTED ? null : reason(NOT_GIVEN, category.id());
    }
    return choice ? null : reason(WITHDRAWN, category.id());
  }

  private static final int REFUSED = 0;
  private static final int NOT_GIVEN = 1;
  private static final int WITHDRAWN = 2;
  /** Reasons by category id: the gate asks for one per dropped cookie, and they repeat. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String[]> REASONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String reason(int kind, String id) {
    String[] r = REASONS.get(id);
    if (r == null) {
      r = new String[] {"category '" + id + "' was refused", "category '" + id + "' needs consent and none was given",
          "consent to category '" + id + "' was refused or withdrawn"};
      if (REASONS.size() < 4096) {
        REASONS.putIfAbsent(id, r);
      }
    }
    return r[kind];
  }
}
