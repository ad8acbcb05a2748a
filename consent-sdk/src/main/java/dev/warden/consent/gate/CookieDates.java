package dev.warden.consent.gate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
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

  /** Parses a cookie date as browsers do; null when it is not one. */
  static Instant parse(String s) {
    int hour = -1;
    int minute = -1;
    int second = -1;
    int day = -1;
    int month = -1;
    int year = -1;
    int i = 0;
    int n = s.length();
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
      String token = s.substring(start, i);
      if (hour < 0 && time(token) != null) {
        int[] t = time(token);
        hour = t[0];
        minute = t[1];
        second = t[2];
      } else if (day < 0 && digits(token, 1, 2) >= 0) {
        day = digits(token, 1, 2);
      } else if (month < 0 && month(token) >= 0) {
        month = month(token);
      } else if (year < 0 && digits(token, 2, 4) >= 0) {
        year = digits(token, 2, 4);
      }
    }
    if (hour < 0 || day < 0 || month < 0 || year < 0) {
      return null;
    }
    if (year >= 70 && year <= 99) {
      year += 1900;
    } else if (year >= 0 && year <= 69) {
      year += 2000;
    }
    if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month + 1, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // 31 February and the like
    }
  }

  /** Leading digits (min..max of them) of a token, as the algorithm reads them; -1 if none fit. */
  private static int digits(String t, int min, int max) {
    int k = 0;
    while (k < t.length() && k <= max && Character.isDigit(t.charAt(k)) && t.charAt(k) < 128) {
      k++;
    }
    if (k < min || k > max) {
      return -1;
    }
    return Integer.parseInt(t.substring(0, k));
  }

  private static int[] time(String t) {
    String[] parts = t.split(":", -1);
    if (parts.length != 3) {
      return null;
    }
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      int v = digits(parts[i], 1, 2);
      if (v < 0) {
        return null;
      }
      out[i] = v;
    }
    return out;
  }

  private static int month(String t) {
    if (t.length() < 3) {
      return -1;
    }
    String m = t.substring(0, 3).toLowerCase(Locale.ROOT);
    for (int i = 0; i < 12; i++) {
      if (MONTHS[i].equals(m)) {
        return i;
      }
    }
    return -1;
  }
}
