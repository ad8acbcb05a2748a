package dev.warden.consent.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CookieDatesTest {

  @Test
  void theFormsBrowsersAcceptAreRead() {
    Instant t = Instant.parse("2027-06-09T10:18:14Z");
    assertThat(CookieDates.parse("Wed, 09 Jun 2027 10:18:14 GMT")).isEqualTo(t);
    assertThat(CookieDates.parse("Wednesday, 09-Jun-27 10:18:14 GMT")).isEqualTo(t);
    assertThat(CookieDates.parse("Wed Jun  9 10:18:14 2027")).isEqualTo(t);
    assertThat(CookieDates.parse("9 JUNE 2027 10:18:14xyz")).isEqualTo(t);
    assertThat(CookieDates.parse("31 Feb 2027 10:18:14")).isNull();
    assertThat(CookieDates.parse("09 Jun 2027 10:18")).isNull();
    assertThat(CookieDates.parse("09 Jun 2027 10:18:14:00")).isNull();
    assertThat(CookieDates.parse("")).isNull();
  }

  @Test
  void epochDaysAreJavaTimesForEveryYearACookieDateCanName() {
    Random rnd = new Random(1601L);
    for (int i = 0; i < 50_000; i++) {
      java.time.LocalDate d = java.time.LocalDate.ofEpochDay(
          java.time.LocalDate.of(1601, 1, 1).toEpochDay() + rnd.nextInt(3_000_000));
      assertThat(CookieDates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).as("%s", d)
          .isEqualTo(d.toEpochDay());
    }
    assertThat(CookieDates.parse("29 Feb 2028 00:00:00")).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
    assertThat(CookieDates.parse("29 Feb 2100 00:00:00")).isNull();
    assertThat(CookieDates.parse("29 Feb 2000 23:59:59")).isEqualTo(Instant.parse("2000-02-29T23:59:59Z"));
  }

  @Test
  void readingInPlaceAgreesWithTheTokenByTokenReading() {
    Random rnd = new Random(6265L);
    String[] pieces = {"Wed", "wed", "Jun", "JUNE", "jux", "sep", "Dec", ",", " ", "-", ":", "09", "9", "31", "123",
        "2027", "27", "69", "70", "1600", "10:18:14", "1:2:3", "10:18", "24:00:00", "10:60:00", "GMT", "\t", "x", "0"};
    int dates = 0;
    for (int i = 0; i < 40_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 2 + rnd.nextInt(8); k > 0; k--) {
        sb.append(pieces[rnd.nextInt(pieces.length)]);
        if (rnd.nextBoolean()) {
          sb.append(' ');
        }
      }
      String s = sb.toString();
      Instant read = CookieDates.parse(s);
      assertThat(read).as("'%s'", s).isEqualTo(Reference.parse(s));
      dates += read == null ? 0 : 1;
    }
    assertThat(dates).as("random strings that are dates").isGreaterThan(200);
  }

  @Test
  void theFixedFormServersWriteReadsAsTheGeneralAlgorithmReadsIt() {
    Random rnd = new Random(9110L);
    String[] names = {"Mon", "tue", "WED", "Thu", "Fri", "Sat", "Sun", "Jun", "Dec", "Xyz", "Mo1"};
    String[] months = {"Jan", "feb", "MAR", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jux", "Wed"};
    int dates = 0;
    for (int i = 0; i < 40_000; i++) {
      String s = String.format(Locale.ROOT, "%s%s%02d%s%s %04d %02d:%02d:%02d %s", names[rnd.nextInt(names.length)],
          rnd.nextInt(8) == 0 ? ". " : ", ", rnd.nextInt(34), rnd.nextInt(8) == 0 ? "-" : " ",
          months[rnd.nextInt(months.length)], rnd.nextInt(8) == 0 ? rnd.nextInt(10_000) : 1990 + rnd.nextInt(120),
          rnd.nextInt(26), rnd.nextInt(62), rnd.nextInt(62), rnd.nextInt(8) == 0 ? "UTC" : "GMT");
      Instant read = CookieDates.parse(s);
      assertThat(read).as("'%s'", s).isEqualTo(Reference.parse(s));
      dates += read == null ? 0 : 1;
    }
    assertThat(dates).as("random fixed-form strings that are dates").isGreaterThan(10_000);
  }

  /** The token-by-token reading the gate used before it read dates in place. */
  private static final class Reference {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private static boolean delimiter(char c) {
      return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
          || (c >= 0x7B && c <= 0x7E);
    }

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
}
