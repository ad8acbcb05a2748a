package dev.warden.policy;

import java.time.Period;
import java.util.Comparator;

/** Orders periods by their average length ({@code P1M} is 30.44 days), as retention rules need. */
final class Periods {

  static final Comparator<Period> BY_LENGTH = Comparator.comparingDouble(Periods::approximateDays);

  private Periods() {}

  static double approximateDays(Period p) {
    return p.getYears() * 365.2425 + p.getMonths() * (365.2425 / 12) + p.getDays();
  }

  static boolean longer(Period a, Period b) {
    return approximateDays(a) > approximateDays(b);
  }
}
