package dev.warden.policy.decision;

import java.util.List;

/**
 * A result that carries a policy {@link Decision} beside what is particular to it (a prompt's
 * matches, an image's concepts): the decision's parts read directly from the result.
 */
public interface Decided {

  /** The policy's decision behind this result. */
  Decision decision();

  /** The verdict. */
  default Verdict verdict() {
    return decision().verdict();
  }

  /** One entry per category found, strictest action first. */
  default List<CategoryScore> categories() {
    return decision().categories();
  }

  /** Every finding behind the decision. */
  default List<Finding> findings() {
    return decision().findings();
  }

  /** The policy id and version that decided. */
  default PolicyRef policy() {
    return decision().policy();
  }

  /** Whether the policy requires the input to be reported (for example sexual content involving minors). */
  default boolean reportRequired() {
    return decision().reportRequired();
  }
}
