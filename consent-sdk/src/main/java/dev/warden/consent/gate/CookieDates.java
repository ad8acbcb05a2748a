package dev.warden.consent.gate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The cookie-date algorithm of RFC 6265 section 5.1.1, and IMF-fixdate output. */
final class CookieDates {

  private static final DateTimeFormatter IMF =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
      "nov", "dec"};

  private CookieDates() {}

  static String format(Instant t) {
    return IMF.format(t);
  }

  private static boolean delimiter(char c) {
    return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
        || (c >= 0x7B && c <= 0x7E);
  }

  /**
   * Parses a cookie date as browsers do; null when it is not one. Reads the tokens in place:
   * an {@code Expires} is parsed for most persistent cookies of every response.
   */
  static Instant parse(String s) {
    return parse(s, 0, s.length());
  }

  /** Parses {@code s[from, to)}. */
  static Instant parse(String s, int from, int to) {
    long t = parseEpochSecond(s, from, to);
    return t == ParsedSetCookie.ABSENT ? null : Instant.ofEpochSecond(t);
  }

  /** As {@link #parse(String, int, int)}, in epoch seconds; {@link ParsedSetCookie#ABSENT} when not a date. */
  static long parseEpochSecond(String s, int from, int to) {
    if (to - from == 29) {
      long t = imfFixdate(s, from);
      if (t != NOT_FIXDATE) {
        return t;
      }
    }
    return general(s, from, to);
  }

  private static final long NOT_FIXDATE = Long.MIN_VALUE + 1;
  private static final String DAY_NAMES = "mon tue wed thu fri sat sun ";

  /**
   * {@code Wed, 09 Jun 2027 10:18:14 GMT}, the form servers write (RFC 9110 IMF-fixdate), read at
   * fixed offsets; {@link #NOT_FIXDATE} when the text has another form, and the general algorithm
   * decides. The leading token must be a day name: were it a month name, the algorithm would take
   * it as the month. Only a valid date is read here.
   */
  private static long imfFixdate(String s, int f) {
    if (s.charAt(f + 3) != ',' || s.charAt(f + 4) != ' ' || s.charAt(f + 7) != ' ' || s.charAt(f + 11) != ' '
        || s.charAt(f + 16) != ' ' || s.charAt(f + 19) != ':' || s.charAt(f + 22) != ':' || s.charAt(f + 25) != ' '
        || s.charAt(f + 26) != 'G' || s.charAt(f + 27) != 'M' || s.charAt(f + 28) != 'T') {
      return NOT_FIXDATE;
    }
    boolean named = false;
    for (int k = 0; k < DAY_NAMES.length() && !named; k += 4) {
      named = DAY_NAMES.charAt(k) == lower(s.charAt(f)) && DAY_NAMES.charAt(k + 1) == lower(s.charAt(f + 1))
          && DAY_NAMES.charAt(k + 2) == lower(s.charAt(f + 2));
    }
    int day = twoDigits(s, f + 5);
    int month = month(s, f + 8, f + 11);
    int year = twoDigits(s, f + 12) * 100 + twoDigits(s, f + 14);
    int hour = twoDigits(s, f + 17);
    int minute = twoDigits(s, f + 20);
    int second = twoDigits(s, f + 23);
    if (!named || month < 0 || day < 1 || day > 31 || year < 1601 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || day > daysInMonth(year, month + 1)) {
      return NOT_FIXDATE; // the general algorithm decides, whatever it makes of it
    }
    return epochDay(year, month + 1, day) * 86_400L + hour * 3600L + minute * 60L + second;
  }

  /** Two ASCII digits at {@code i}, or a negative number. */
  private static int twoDigits(String s, int i) {
    int a = s.charAt(i) - '0';
    int b = s.charAt(i + 1) - '0';
    return a < 0 || a > 9 || b < 0 || b > 9 ? -10_000 : a * 10 + b;
  }

  /** RFC 6265 section 5.1.1, token by token. */
  private static long general(String s, int from, int to) {
    int hour = -1;
    int minute = -1;
    int second = -1;
    int day = -1;
    int month = -1;
    int year = -1;
    int i = from;
    int n = to;
    while (i < n) {
      while (i < n && delimiter(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !delimiter(s.charAt(i))) {
        i++;
      }
      if (start == i) {
        continue;
      }
      long t;
      int v;
      if (hour < 0 && (t = time(s, start, i)) >= 0) {
        hour = (int) (t >> 16);
        minute = (int) (t >> 8) & 0xFF;
        second = (int) t & 0xFF;
      } else if (day < 0 && (v = digits(s, start, i, 1, 2)) >= 0) {
        day = v;
      } else if (month < 0 && (v = month(s, start, i)) >= 0) {
        month = v;
      } else if (year < 0 && (v = digits(s, start, i, 2, 4)) >= 0) {
        year = v;
      }
    }
    if (hour < 0 || day < 0 || month < 0 || year < 0) {
      return ParsedSetCookie.ABSENT;
    }
    if (year >= 70 && year <= 99) {
      year += 1900;
    } else if (year >= 0 && year <= 69) {
      year += 2000;
    }
    if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) {
      return ParsedSetCookie.ABSENT;
    }
    if (day > daysInMonth(year, month + 1)) {
      return ParsedSetCookie.ABSENT; // 31 February and the like
    }
    return epochDay(year, month + 1, day) * 86_400L + hour * 3600L + minute * 60L + second;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse, by eras of 400 years). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /**
   * The leading ASCII digits (min..max of them) of {@code s[from, to)}, as the algorithm reads a
   * token; -1 if none fit. Characters after the digits are allowed.
   */
  private static int digits(String s, int from, int to, int min, int max) {
    int k = 0;
    int v = 0;
    while (from + k < to && k <= max) {
      char c = s.charAt(from + k);
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
      k++;
    }
    return k < min || k > max ? -1 : v;
  }

  /** {@code hh:mm:ss} (1 or 2 digits each) as {@code h << 16 | m << 8 | s}; -1 if not a time. */
  private static long time(String s, int from, int to) {
    int c1 = s.indexOf(':', from);
    if (c1 < 0 || c1 >= to) {
      return -1;
    }
    int c2 = s.indexOf(':', c1 + 1);
    if (c2 < 0 || c2 >= to) {
      return -1;
    }
    int c3 = s.indexOf(':', c2 + 1);
    if (c3 >= 0 && c3 < to) {
      return -1; // exactly three fields
    }
    int h = digits(s, from, c1, 1, 2);
    int m = digits(s, c1 + 1, c2, 1, 2);
    int sec = digits(s, c2 + 1, to, 1, 2);
    return h < 0 || m < 0 || sec < 0 ? -1 : (long) h << 16 | m << 8 | sec;
  }

  private static int month(String s, int from, int to) {
    if (to - from < 3) {
      return -1;
    }
    for (int i = 0; i < 12; i++) {
      String m = MONTHS[i];
      if (lower(s.charAt(from)) == m.charAt(0) && lower(s.charAt(from + 1)) == m.charAt(1)
          && lower(s.charAt(from + 2)) == m.charAt(2)) {
        return i;
      }
    }
    return -1;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
