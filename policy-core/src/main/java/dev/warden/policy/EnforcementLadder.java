package dev.warden.policy;

import dev.warden.policy.decision.Category;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an account is treated as its violations add up.
 *
 * @param window the period violations are counted over
 * @param steps the steps, ordered by strictly increasing {@code violations}
 * @param zeroTolerance categories whose first violation terminates the account and raises a report
 */
public record EnforcementLadder(Period window, List<EnforcementStep> steps, Set<Category> zeroTolerance) {

  public EnforcementLadder {
    Checks.period(window, true, "enforcement window");
    steps = List.copyOf(steps);
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).violations() <= steps.get(i - 1).violations()) {
        throw new IllegalArgumentException(
            "enforcement steps must have strictly increasing violations, got "
                + steps.get(i - 1).violations() + " then " + steps.get(i).violations());
      }
    }
    zeroTolerance = Set.copyOf(zeroTolerance);
  }

  /** The strictest step reached with {@code violations} violations in the window, if any. */
  public Optional<EnforcementStep> stepFor(int violations) {
    EnforcementStep reached = null;
    for (EnforcementStep s : steps) {
      if (violations >= s.violations()) {
        reached = s;
      }
    }
    return Optional.ofNullable(reached);
  }
}
