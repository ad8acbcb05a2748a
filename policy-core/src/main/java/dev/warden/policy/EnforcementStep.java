package dev.warden.policy;

import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of the enforcement ladder.
 *
 * @param violations the number of violations within the window that reaches this step (at least 1)
 * @param action what happens
 * @param duration how long a suspension lasts; present exactly when {@code action} is SUSPEND
 */
public record EnforcementStep(int violations, EnforcementAction action, Optional<Period> duration) {

  public EnforcementStep {
    if (violations < 1) {
      throw new IllegalArgumentException("enforcement step violations must be at least 1, got " + violations);
    }
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(duration, "duration");
    Checks.require(durationProblem(action, duration.isPresent()), "enforcement step duration", duration);
    duration.ifPresent(p -> Checks.period(p, true, "enforcement step duration"));
  }

  static String durationProblem(EnforcementAction action, boolean present) {
    if (action == EnforcementAction.SUSPEND && !present) {
      return "is required for a 'suspend' step";
    }
    if (action != EnforcementAction.SUSPEND && present) {
      return "is only allowed for a 'suspend' step";
    }
    return null;
  }
}
