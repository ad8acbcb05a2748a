package dev.warden.consent.dsr;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a request's history.
 *
 * @param state the state entered
 * @param at when
 * @param note why, where a step has a reason (a refusal, an extension, how identity was verified)
 */
public record Transition(RequestState state, Instant at, Optional<String> note) {

  public Transition {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
  }
}
