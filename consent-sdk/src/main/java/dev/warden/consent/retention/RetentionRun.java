package dev.warden.consent.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a retention run did.
 *
 * @param id the run's id; sources record erasures with the reference {@code retention:<id>}
 * @param at the instant the run applied the rules at (a resumed run keeps its first instant)
 * @param resumed whether this call finished a run that a crash had interrupted
 * @param phases per source and data category, what was erased and kept
 * @param problems records no rule can reach, and phases that failed (retried by the next run)
 */
public record RetentionRun(String id, Instant at, boolean resumed, List<PhaseResult> phases, List<String> problems) {

  public RetentionRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    phases = List.copyOf(phases);
    problems = List.copyOf(problems);
  }

  /** Records erased, over every phase. */
  public long erased() {
    return phases.stream().mapToLong(PhaseResult::erased).sum();
  }

  /** Records past their period kept by a legal hold or an exemption, over every phase. */
  public long held() {
    return phases.stream().mapToLong(PhaseResult::held).sum();
  }

  /**
   * One source's records of one data category.
   *
   * @param source the source's id
   * @param dataCategory the data category
   * @param rule the id of the rule applied
   * @param erased records erased (including those erased before a crash, see {@code recovered})
   * @param kept due records the source did not erase (changed since listed), with its notes in the
   *     run's problems
   * @param held records past their period kept by a legal hold or an exemption
   * @param recovered of {@code erased}, records erased by the batch a crash interrupted
   * @param failed whether the phase stopped on an error (the next run retries it)
   */
  public record PhaseResult(String source, String dataCategory, String rule, long erased, long kept, long held,
      long recovered, boolean failed) {}
}
