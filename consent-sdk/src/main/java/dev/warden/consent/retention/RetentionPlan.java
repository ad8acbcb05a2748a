package dev.warden.consent.retention;

import dev.warden.policy.RetentionRule;
import dev.warden.policy.decision.PolicyRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a retention run at {@link #at()} would erase, and what it would keep although its period has
 * passed (legal holds, exemptions): the dry run of {@link RetentionEngine#run()}.
 *
 * @param at the instant the plan was made for
 * @param policy the policy whose rules it applies
 * @param phases one per source and data category with a retention rule
 * @param problems records no rule can reach (a category without a rule, a trigger a source cannot
 *     date), in words for the operator
 */
public record RetentionPlan(Instant at, PolicyRef policy, List<Phase> phases, List<String> problems) {

  public RetentionPlan {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(policy, "policy");
    phases = List.copyOf(phases);
    problems = List.copyOf(problems);
  }

  /** Records that would be erased, over every phase. */
  public long dueCount() {
    return phases.stream().mapToLong(p -> p.due().size()).sum();
  }

  /** Records past their period that would be kept, over every phase. */
  public long heldCount() {
    return phases.stream().mapToLong(p -> p.held().size()).sum();
  }

  /**
   * One source's records of one data category.
   *
   * @param source the source's id
   * @param dataCategory the data category
   * @param rule the rule that governs it
   * @param due records that would be erased, each with the instant it became due
   * @param held records past their period that would be kept, and why
   */
  public record Phase(String source, String dataCategory, RetentionRule rule, List<Due> due, List<Held> held) {
    public Phase {
      due = List.copyOf(due);
      held = List.copyOf(held);
    }
  }

  /**
   * A record that is due.
   *
   * @param record the record, as its source listed it
   * @param dueAt when its period (and any exemption) ended
   */
  public record Due(PersonalRecord record, Instant dueAt) {}

  /**
   * A record past its retention period that is kept.
   *
   * @param record the record
   * @param why the legal hold (by id) or the exemption that keeps it
   */
  public record Held(PersonalRecord record, String why) {}
}
