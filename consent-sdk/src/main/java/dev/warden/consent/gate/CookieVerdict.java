package dev.warden.consent.gate;

import dev.warden.consent.cookie.Classification;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gate did with one {@code Set-Cookie} header.
 *
 * @param outcome let out as is, let out changed, or dropped
 * @param name the cookie's name; empty when the header could not be parsed
 * @param category the policy's cookie category the cookie was put in, if any
 * @param classification how the cookie was classified, if it was
 * @param header the header that goes out (the rewritten one when changed); empty when dropped
 * @param reason why, in one sentence
 */
public record CookieVerdict(
    Outcome outcome, String name, Optional<String> category, Optional<Classification> classification,
    Optional<String> header, String reason) {

  /** What happened to the header. */
  public enum Outcome {
    ALLOWED,
    /** Let out with a shorter lifetime, to keep within the category's maximum. */
    REWRITTEN,
    DROPPED
  }

  public CookieVerdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(reason, "reason");
  }

  public boolean dropped() {
    return outcome == Outcome.DROPPED;
  }
}
