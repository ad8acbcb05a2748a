package dev.warden.consent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CoarseClockTest {

  @Test
  void onlySystemClocksShareTheCoarseReading() {
    assertThat(CoarseClock.covers(Clock.systemUTC())).isTrue();
    assertThat(CoarseClock.covers(Clock.system(ZoneId.of("Europe/Berlin")))).isTrue();
    Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678901Z"), ZoneOffset.UTC);
    assertThat(CoarseClock.covers(fixed)).isFalse();
    assertThat(CoarseClock.millis(fixed)).isEqualTo(fixed.millis());
    assertThat(CoarseClock.instant(fixed)).as("an injected clock keeps its precision").isEqualTo(fixed.instant());
  }

  @Test
  void theSharedReadingFollowsTheSystemClock() {
    long before = System.currentTimeMillis();
    long coarse = CoarseClock.millis(Clock.systemUTC());
    // Generous bounds: the reading is refreshed every few milliseconds, but a loaded machine may
    // stall the refreshing thread; this checks that it is the system clock, not how fresh it is.
    assertThat(coarse).isBetween(before - 60_000, System.currentTimeMillis() + 1);
  }
}
