package dev.warden.policy.decision;

import java.util.Objects;

/**
 * Identifies the policy (id and version) that made a decision, so that a decision can be traced
 * to the exact document in force at the time.
 *
 * @param id the policy id
 * @param version the policy version
 */
public record PolicyRef(String id, String version) {

  public PolicyRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
