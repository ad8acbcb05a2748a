package dev.warden.consent.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The system clock read at most every {@value #TICK_MILLIS} ms: a daemon thread refreshes one
 * shared reading. On some virtual machines a read of the wall clock costs several hundred
 * nanoseconds, more than a consent look-up itself, and checks against consents that last months
 * do not need it on every call. Any other clock (a host's, a test's) is read on every call.
 */
public final class CoarseClock {

  /** How often the shared reading is refreshed. */
  public static final long TICK_MILLIS = 10;

  private static final Class<?> SYSTEM_CLOCK = Clock.systemUTC().getClass();
  private static volatile long millis;
  private static volatile boolean started;

  private CoarseClock() {}

  /** Whether readings of {@code clock} may come from the shared one: it is a system clock. */
  public static boolean covers(Clock clock) {
    return clock.getClass() == SYSTEM_CLOCK;
  }

  /**
   * Milliseconds since the epoch from {@code clock}: for a system clock the shared reading (at
   * most about {@value #TICK_MILLIS} ms old), otherwise {@code clock.millis()}.
   */
  public static long millis(Clock clock) {
    if (!covers(clock)) {
      return clock.millis();
    }
    if (!started) {
      start();
    }
    return millis;
  }

  /** As {@link #millis(Clock)}, as an instant. */
  public static Instant instant(Clock clock) {
    return covers(clock) ? Instant.ofEpochMilli(millis(clock)) : clock.instant();
  }

  private static synchronized void start() {
    if (started) {
      return;
    }
    millis = System.currentTimeMillis();
    Thread.ofPlatform().daemon().name("warden-coarse-clock").start(() -> {
      while (true) {
        millis = System.currentTimeMillis();
        LockSupport.parkNanos(TICK_MILLIS * 1_000_000);
      }
    });
    started = true;
  }
}
