package dev.warden.consent.cookie;

/**
 * The value features of {@link CookieFeatures}: length and Shannon-entropy buckets and the value's
 * shape (UUID, Unix timestamp, number, hex, base64, JSON, flag, short word, a vendor id such as
 * {@code GA1.}). Stateless; allocates nothing.
 */
final class ValueFeatures {

  private ValueFeatures() {}

  static void extract(String value, FeatureSink f, int[] counts) {
    int len = Math.min(value.length(), CookieFeatures.MAX_VALUE);
    f.feature("vlen=", len <= 2 ? "tiny" : len <= 8 ? "short" : len <= 32 ? "medium" : len <= 96 ? "long" : "huge");
    double h = entropy(value, len, counts);
    f.feature("vent=", h < 2 ? "low" : h < 3.5 ? "mid" : h < 4.5 ? "high" : "max");
    String shape = valueShape(value, len);
    if (shape != null) {
      f.feature("v=", shape);
    }
    if (vendorId(value, len)) {
      f.feature("v=", "vendorid");
    }
  }

  private static String valueShape(String v, int len) {
    if (isFlag(v, len)) {
      return "flag";
    }
    if (isUuid(v, len)) {
      return "uuid";
    }
    if (isTimestamp(v, len)) {
      return "ts";
    }
    boolean digits = true;
    boolean hex = true;
    boolean b64 = true;
    boolean letters = true;
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      digits &= CookieFeatures.isAsciiDigit(c);
      hex &= CookieFeatures.isHex(c);
      b64 &= Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_' || c == '%';
      letters &= Character.isLetter(c);
    }
    if (digits) {
      return "num";
    }
    if (len >= 16 && hex) {
      return "hex";
    }
    if (len >= 16 && b64) {
      return "b64";
    }
    if (v.startsWith("{") || v.startsWith("%7B") || v.startsWith("[")) {
      return "json";
    }
    if (len <= 8 && letters) {
      return "word";
    }
    return null;
  }

  private static boolean isFlag(String v, int len) {
    return len <= 5 && (v.equals("1") || v.equals("0") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
        || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("no"));
  }

  /** {@code GA1.2.} (Google Analytics, case-insensitive) or {@code fb.1.} (Meta pixel) ids. */
  private static boolean vendorId(String v, int len) {
    if (len >= 6 && (v.charAt(0) | 0x20) == 'g' && (v.charAt(1) | 0x20) == 'a' && CookieFeatures.isAsciiDigit(v.charAt(2))
        && v.charAt(3) == '.' && CookieFeatures.isAsciiDigit(v.charAt(4)) && v.charAt(5) == '.') {
      return true;
    }
    return len >= 5 && v.startsWith("fb.") && CookieFeatures.isAsciiDigit(v.charAt(3)) && v.charAt(4) == '.';
  }

  static double entropy(String s) {
    return entropy(s, s.length(), new int[128]);
  }

  private static double entropy(String s, int len, int[] counts) {
    if (len == 0) {
      return 0;
    }
    java.util.Arrays.fill(counts, 0);
    int other = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    double n = len;
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * Math.log(p);
      }
    }
    if (other > 0) {
      double p = other / n;
      h -= p * Math.log(p);
    }
    return h / Math.log(2);
  }

  private static boolean isUuid(String v, int len) {
    if (len != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !CookieFeatures.isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** Unix seconds or milliseconds between 2001 and 2065. */
  private static boolean isTimestamp(String v, int len) {
    if (len != 10 && len != 13) {
      return false;
    }
    long t = 0;
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      if (!CookieFeatures.isAsciiDigit(c)) {
        return false;
      }
      if (i < 10) {
        t = t * 10 + (c - '0');
      }
    }
    return t >= 1_000_000_000L && t <= 3_000_000_000L;
  }
}
