package dev.warden.moderation;

import dev.warden.moderation.internal.NormalizedText;

/**
 * Finds stated ages under 18 in normalised text ("12 year old", "12yo", "12-year-old", "12 ans",
 * "12 Jahre", "12 лет", "12歳") and reports them as the {@code minor} marker.
 */
final class AgeRecognizer {

  // Units as they read once normalised (runs collapsed, boundaries dropped, l read as i).
  private static final char[][] UNITS = {
      "yearsoid".toCharArray(), "yearoid".toCharArray(), "yrsoid".toCharArray(),
      "yroid".toCharArray(), "yo".toCharArray(), "anos".toCharArray(), "ano".toCharArray(),
      "ans".toCharArray(), "ani".toCharArray(), "jahrig".toCharArray(), "jahre".toCharArray(),
      "jar".toCharArray(), "лет".toCharArray(), "года".toCharArray(), "год".toCharArray(),
      "歳".toCharArray(), "岁".toCharArray(), "歲".toCharArray(), "才".toCharArray()};

  private AgeRecognizer() {}

  interface Sink {
    void age(int start, int end);
  }

  static void find(NormalizedText t, Sink sink) {
    char[] c = t.chars();
    int n = t.length();
    int i = 0;
    while (i < n) {
      if (!isDigit(c[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && isDigit(c[j])) {
        j++;
      }
      if (j - i <= 2 && t.boundaryAt(i)) {
        int age = j - i == 1 ? c[i] - '0' : (c[i] - '0') * 10 + (c[i + 1] - '0');
        if (age >= 1 && age <= 17) {
          int end = unitEnd(t, j);
          if (end > 0) {
            sink.age(i, end);
          }
        }
      }
      i = j;
    }
  }

  private static int unitEnd(NormalizedText t, int from) {
    char[] c = t.chars();
    for (char[] u : UNITS) {
      int end = from + u.length;
      if (end > t.length()) {
        continue;
      }
      boolean same = true;
      for (int k = 0; k < u.length && same; k++) {
        same = c[from + k] == u[k];
      }
      boolean ideograph = u.length == 1;
      if (same && (ideograph || t.boundaryAt(end))) {
        return end;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
