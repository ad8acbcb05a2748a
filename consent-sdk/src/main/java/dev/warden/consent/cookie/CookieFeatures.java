package dev.warden.consent.cookie;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a cookie into the string features of the learned model: name features (the normalised
 * name, character 3- and 4-grams, tokens split on {@code _ - . :} and camelCase, the vendor prefix)
 * and attribute features (lifetime bucket, first or third party and the third party's site, value
 * length, entropy and shape). Stateless and thread-safe.
 */
final class CookieFeatures {

  private static final int MAX_NAME = 64;
  private static final int MAX_VALUE = 256;

  private CookieFeatures() {}

  static String[] extract(FeatureInput in) {
    List<String> f = new ArrayList<>(64);
    String raw = in.name().length() > MAX_NAME ? in.name().substring(0, MAX_NAME) : in.name();
    String norm = normalize(raw);
    f.add("w=" + norm);
    if (raw.startsWith("__Host-")) {
      f.add("hp=host");
    } else if (raw.startsWith("__Secure-")) {
      f.add("hp=secure");
    }
    int underscores = 0;
    while (underscores < raw.length() && raw.charAt(underscores) == '_') {
      underscores++;
    }
    f.add("u=" + Math.min(underscores, 3));
    List<String> tokens = tokens(raw);
    for (String t : tokens) {
      f.add("t=" + t);
    }
    if (!tokens.isEmpty()) {
      f.add("p=" + "_".repeat(Math.min(underscores, 3)) + tokens.get(0));
      f.add("l=" + tokens.get(tokens.size() - 1));
      if (tokens.size() > 1) {
        f.add("p2=" + tokens.get(0) + "_" + tokens.get(1));
      }
    }
    f.add("nt=" + Math.min(tokens.size(), 4));
    f.add("case=" + caseShape(raw));
    String padded = "^" + norm + "$";
    for (int n = 3; n <= 4; n++) {
      for (int i = 0; i + n <= padded.length(); i++) {
        f.add("c" + n + "=" + padded.substring(i, i + n));
      }
    }
    if (in.lifetimeSeconds() >= 0) {
      f.add("exp=" + lifetimeBucket(in.lifetimeSeconds()));
    }
    if (in.party() == 1) {
      f.add("party=3p");
      if (!in.domain().isEmpty()) {
        f.add("dom=" + Sites.siteLabel(in.domain()));
      }
    } else if (in.party() == 0) {
      f.add("party=1p");
    }
    if (!in.value().isEmpty()) {
      valueFeatures(in.value(), f);
    }
    return f.toArray(new String[0]);
  }

  /** Lower-case, digit runs folded to one {@code 0}, and long hexadecimal runs to {@code h}. */
  static String normalize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      if (isAsciiDigit(c)) {
        int j = i;
        while (j < name.length() && isAsciiDigit(name.charAt(j))) {
          j++;
        }
        int k = j;
        while (k < name.length() && isHex(name.charAt(k))) {
          k++;
        }
        if (k - i >= 8) {
          sb.append('h');
          i = k;
        } else {
          sb.append('0');
          i = j;
        }
        continue;
      }
      int hexEnd = i;
      boolean digit = false;
      while (hexEnd < name.length() && isHex(name.charAt(hexEnd))) {
        digit |= isAsciiDigit(name.charAt(hexEnd));
        hexEnd++;
      }
      if (digit && hexEnd - i >= 8) {
        sb.append('h');
        i = hexEnd;
        continue;
      }
      sb.append(Character.toLowerCase(c));
      i++;
    }
    return sb.toString();
  }

  /** Splits on separators, camelCase humps and letter-digit boundaries; lower-case; digits as {@code #}. */
  static List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean sep = !Character.isLetterOrDigit(c);
      boolean hump = Character.isUpperCase(c) && prev != 0 && Character.isLowerCase(prev);
      boolean acronymEnd = Character.isUpperCase(c) && i + 1 < name.length()
          && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(prev);
      boolean digitEdge = prev != 0 && Character.isDigit(c) != Character.isDigit(prev) && !sep
          && Character.isLetterOrDigit(prev);
      if (sep || hump || acronymEnd || digitEdge) {
        flush(cur, out);
      }
      if (!sep) {
        cur.append(c);
      }
      prev = c;
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.isEmpty()) {
      return;
    }
    String t = cur.toString().toLowerCase(Locale.ROOT);
    cur.setLength(0);
    if (isAsciiDigit(t.charAt(0))) {
      out.add("#");
    } else if (t.length() >= 12 && t.chars().allMatch(CookieFeatures::isHexOrDigit)) {
      out.add("<hex>");
    } else {
      out.add(t);
    }
  }

  private static String caseShape(String s) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    return upper && lower ? "mixed" : upper ? "upper" : lower ? "lower" : "none";
  }

  static String lifetimeBucket(long seconds) {
    if (seconds == 0) {
      return "session";
    }
    if (seconds <= 3600) {
      return "1h";
    }
    if (seconds <= 86_400) {
      return "1d";
    }
    if (seconds <= 7 * 86_400) {
      return "1w";
    }
    if (seconds <= 31 * 86_400) {
      return "1m";
    }
    if (seconds <= 190 * 86_400) {
      return "6m";
    }
    if (seconds <= 400 * 86_400) {
      return "13m";
    }
    return "long";
  }

  private static void valueFeatures(String v, List<String> f) {
    if (v.length() > MAX_VALUE) {
      v = v.substring(0, MAX_VALUE);
    }
    int len = v.length();
    f.add("vlen=" + (len <= 2 ? "tiny" : len <= 8 ? "short" : len <= 32 ? "medium" : len <= 96 ? "long" : "huge"));
    double h = entropy(v);
    f.add("vent=" + (h < 2 ? "low" : h < 3.5 ? "mid" : h < 4.5 ? "high" : "max"));
    if (v.equals("1") || v.equals("0") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
        || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("no")) {
      f.add("v=flag");
    } else if (isUuid(v)) {
      f.add("v=uuid");
    } else if (isTimestamp(v)) {
      f.add("v=ts");
    } else if (v.chars().allMatch(CookieFeatures::isAsciiDigit)) {
      f.add("v=num");
    } else if (len >= 16 && v.chars().allMatch(CookieFeatures::isHexOrDigit)) {
      f.add("v=hex");
    } else if (len >= 16 && v.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/'
        || c == '=' || c == '-' || c == '_' || c == '%')) {
      f.add("v=b64");
    } else if (v.startsWith("{") || v.startsWith("%7B") || v.startsWith("[")) {
      f.add("v=json");
    } else if (v.length() <= 8 && v.chars().allMatch(Character::isLetter)) {
      f.add("v=word");
    }
    if (v.matches("(?i)GA\\d\\.\\d\\..*") || v.matches("fb\\.\\d\\..*")) {
      f.add("v=vendorid");
    }
  }

  static double entropy(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    double n = s.length();
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

  private static boolean isUuid(String v) {
    if (v.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHexOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /** Unix seconds or milliseconds between 2001 and 2065. */
  private static boolean isTimestamp(String v) {
    if ((v.length() != 10 && v.length() != 13) || !v.chars().allMatch(CookieFeatures::isAsciiDigit)) {
      return false;
    }
    long t = Long.parseLong(v.length() == 13 ? v.substring(0, 10) : v);
    return t >= 1_000_000_000L && t <= 3_000_000_000L;
  }

  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isHexOrDigit(int c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
