package dev.warden.consent.internal;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Calendar arithmetic on instants in UTC: {@code Instant.plus(Period)} refuses months and years,
 * and a period of months is not a fixed number of seconds.
 */
public final class Times {

  private Times() {}

  public static Instant plus(Instant t, Period p) {
    return t.atOffset(ZoneOffset.UTC).plus(p).toInstant();
  }

  public static Instant minus(Instant t, Period p) {
    return t.atOffset(ZoneOffset.UTC).minus(p).toInstant();
  }
}
