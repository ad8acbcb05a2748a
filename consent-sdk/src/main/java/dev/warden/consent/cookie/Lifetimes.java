package dev.warden.consent.cookie;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the lifetimes catalogs write: {@code session}, {@code 13 months}, {@code 2y}, {@code 30m}. */
final class Lifetimes {

  private static final Pattern TEXT = Pattern.compile(
      "(\\d{1,6})\\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\b");
  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})(m|h|d|w|mo|y)");

  private Lifetimes() {}

  /**
   * A catalog's retention text: {@link Duration#ZERO} for session cookies, empty when it gives no
   * duration ("Unknown", "Pending", "persistent").
   */
  static Optional<Duration> parseText(String text) {
    String t = text.toLowerCase(Locale.ROOT).trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = TEXT.matcher(t);
    if (m.find()) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(unit(m.group(2)).multipliedBy(n));
    }
    if (t.contains("session")) {
      return Optional.of(Duration.ZERO);
    }
    if (t.contains("forever") || t.contains("permanent")) {
      return Optional.of(Duration.ofDays(3650));
    }
    return Optional.empty();
  }

  private static Duration unit(String u) {
    return switch (u.charAt(0)) {
      case 's' -> Duration.ofSeconds(1);
      case 'm' -> u.startsWith("mo") ? Duration.ofDays(30) : Duration.ofMinutes(1);
      case 'h' -> Duration.ofHours(1);
      case 'd' -> Duration.ofDays(1);
      case 'w' -> Duration.ofDays(7);
      default -> Duration.ofDays(365);
    };
  }

  /** The built-in catalog's short form: {@code session}, {@code 30m}, {@code 13mo}, {@code 2y}; null if not one. */
  static Duration parseShort(String token) {
    if (token.equals("session")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT.matcher(token);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      case "mo" -> Duration.ofDays(30 * n);
      default -> Duration.ofDays(365 * n);
    };
  }
}
