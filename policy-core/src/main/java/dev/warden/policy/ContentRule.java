package dev.warden.policy;

import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to do with content of one moderation category, per severity.
 *
 * @param category the moderation category
 * @param actions the action for every severity (all four must be present)
 * @param threshold the minimum score in [0,1] a scored finding (a model or concept) needs to count
 */
public record ContentRule(Category category, Map<Severity, Action> actions, double threshold) {

  /** The threshold used when a rule does not give one. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  public ContentRule {
    Objects.requireNonNull(category, "category");
    EnumMap<Severity, Action> copy = new EnumMap<>(Severity.class);
    copy.putAll(Objects.requireNonNull(actions, "actions"));
    for (Severity s : Severity.values()) {
      if (copy.get(s) == null) {
        throw new IllegalArgumentException(
            "content rule for " + category + " has no action for severity " + s);
      }
    }
    actions = java.util.Collections.unmodifiableMap(copy);
    Checks.require(Checks.unitIntervalProblem(threshold), "content rule threshold", threshold);
  }

  /** One action for every severity. */
  public static ContentRule uniform(Category category, Action action) {
    EnumMap<Severity, Action> m = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      m.put(s, action);
    }
    return new ContentRule(category, m, DEFAULT_THRESHOLD);
  }

  /** The action this rule prescribes for {@code severity}. */
  public Action actionFor(Severity severity) {
    return actions.get(severity);
  }
}
