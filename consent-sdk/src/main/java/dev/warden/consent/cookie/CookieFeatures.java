package dev.warden.consent.cookie;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a cookie into the learned model's features. Name: the normalised name, character 3- and
 * 4-grams, tokens split on {@code _ - . :}, camelCase and digits, the vendor prefix, the last
 * token, and the purpose classes its words hint at ({@link PurposeHints}). Attributes: the lifetime
 * bucket; first or third party; for a cookie set on another site's domain, that domain's words, its
 * site label and their hints; the value's length, entropy and shape. Features go to a {@link
 * FeatureSink} character by character, so predicting allocates no strings. Stateless; the per-call
 * working memory is a {@link Scratch}.
 */
final class CookieFeatures {

  static final int MAX_NAME = 64;
  static final int MAX_VALUE = 256;
  static final int MAX_DOMAIN = 128;

  private static final String[] CLASS_IDS = {"necessary", "functional", "analytics", "advertising"};
  private static final int WORD = 0;
  private static final int NUMBER = 1;
  private static final int HEX = 2;

  private CookieFeatures() {}

  /** Working memory for one extraction; reuse it on one thread. */
  static final class Scratch {
    final char[] raw = new char[MAX_DOMAIN];
    final char[] lower = new char[MAX_DOMAIN];
    final char[] norm = new char[MAX_NAME + 2];
    final int[] tokStart = new int[MAX_DOMAIN];
    final int[] tokEnd = new int[MAX_DOMAIN];
    final int[] tokKind = new int[MAX_DOMAIN];
    int tokens;
    final int[] counts = new int[128];
  }

  /** The features as strings (training, tests). */
  static String[] extract(FeatureInput in) {
    FeatureSink.Strings s = new FeatureSink.Strings();
    extract(in, s, new Scratch());
    return s.toArray();
  }

  static void extract(FeatureInput in, FeatureSink f, Scratch s) {
    String name = in.name();
    int n = Math.min(name.length(), MAX_NAME);
    name.getChars(0, n, s.raw, 0);
    for (int i = 0; i < n; i++) {
      s.lower[i] = Character.toLowerCase(s.raw[i]);
    }
    int normLen = normalize(s.raw, n, s.norm, 1);
    f.begin("w=").put(s.norm, 1, 1 + normLen).end();
    if (name.startsWith("__Host-")) {
      f.feature("hp=", "host");
    } else if (name.startsWith("__Secure-")) {
      f.feature("hp=", "secure");
    }
    int underscores = 0;
    while (underscores < n && s.raw[underscores] == '_') {
      underscores++;
    }
    int u = Math.min(underscores, 3);
    f.begin("u=").put((char) ('0' + u)).end();

    tokenize(s, n);
    int t = s.tokens;
    for (int i = 0; i < t; i++) {
      token(f.begin("t="), s, i).end();
    }
    if (t > 0) {
      f.begin("p=");
      for (int i = 0; i < u; i++) {
        f.put('_');
      }
      token(f, s, 0).end();
      token(f.begin("l="), s, t - 1).end();
      if (t > 1) {
        token(token(f.begin("p2="), s, 0).put('_'), s, 1).end();
      }
    }
    f.begin("nt=").put((char) ('0' + Math.min(t, 4))).end();
    f.feature("case=", caseShape(s.raw, n));

    char[] padded = s.norm;
    padded[0] = '^';
    padded[normLen + 1] = '$';
    int pl = normLen + 2;
    for (int i = 0; i + 3 <= pl; i++) {
      f.begin("c3=").put(padded, i, i + 3).end();
    }
    for (int i = 0; i + 4 <= pl; i++) {
      f.begin("c4=").put(padded, i, i + 4).end();
    }

    int hints = PurposeHints.BUILT_IN.stems(s.lower, n);
    for (int i = 0; i < t; i++) {
      if (s.tokKind[i] == WORD) {
        hints |= PurposeHints.BUILT_IN.word(s.lower, s.tokStart[i], s.tokEnd[i]);
      }
    }
    hints(f, "h=", "hs=", hints);

    if (in.lifetimeSeconds() >= 0) {
      f.feature("exp=", lifetimeBucket(in.lifetimeSeconds()));
    }
    if (in.party() == 1) {
      f.feature("party=", "3p");
    } else if (in.party() == 0) {
      f.feature("party=", "1p");
    }
    if (in.party() != 0 && !in.domain().isEmpty()) {
      domainFeatures(in.domain(), f, s);
    }
    if (!in.value().isEmpty()) {
      ValueFeatures.extract(in.value(), f, s.counts);
    }
  }

  /** Writes token {@code i} as the model sees it: lower case, {@code #} for numbers, {@code <hex>} for ids. */
  private static FeatureSink token(FeatureSink f, Scratch s, int i) {
    return switch (s.tokKind[i]) {
      case NUMBER -> f.put('#');
      case HEX -> f.put("<hex>");
      default -> f.put(s.lower, s.tokStart[i], s.tokEnd[i]);
    };
  }

  private static void hints(FeatureSink f, String each, String all, int bits) {
    f.begin(all);
    boolean first = true;
    for (int c = 0; c < 4; c++) {
      if ((bits & 1 << c) != 0) {
        if (!first) {
          f.put('+');
        }
        f.put(CLASS_IDS[c]);
        first = false;
      }
    }
    f.end();
    for (int c = 0; c < 4; c++) {
      if ((bits & 1 << c) != 0) {
        f.feature(each, CLASS_IDS[c]);
      }
    }
  }

  /**
   * A cookie set on a domain that is not the site's (or on a vendor's domain in a catalog): the
   * words of its labels but the last ({@code ads}, {@code track}), its site label and their hints.
   */
  private static void domainFeatures(String domain, FeatureSink f, Scratch s) {
    int from = domain.startsWith(".") ? 1 : 0;
    int n = Math.min(domain.length() - from, MAX_DOMAIN);
    domain.getChars(from, from + n, s.raw, 0);
    int end = n;
    while (end > 0 && s.raw[end - 1] != '.') {
      end--;
    }
    int body = Math.max(0, end - 1); // everything before the top-level label
    for (int i = 0; i < n; i++) {
      s.lower[i] = Character.toLowerCase(s.raw[i]);
    }
    int hints = PurposeHints.BUILT_IN.stems(s.lower, body);
    int start = 0;
    for (int i = 0; i <= body; i++) {
      if (i == body || s.raw[i] == '.') {
        if (i > start) {
          tokenizeRange(s, start, i);
          for (int k = 0; k < s.tokens; k++) {
            token(f.begin("dt="), s, k).end();
            if (s.tokKind[k] == WORD) {
              hints |= PurposeHints.BUILT_IN.word(s.lower, s.tokStart[k], s.tokEnd[k]);
            }
          }
        }
        start = i + 1;
      }
    }
    f.feature("dom=", Sites.siteLabel(domain));
    f.feature("hasdom", "");
    for (int c = 0; c < 4; c++) {
      if ((hints & 1 << c) != 0) {
        f.feature("hd=", CLASS_IDS[c]);
      }
    }
  }

  /** Lower-case, digit runs folded to one {@code 0}, and long hexadecimal runs to {@code h}. */
  static String normalize(String name) {
    char[] in = name.toCharArray();
    char[] out = new char[in.length];
    return new String(out, 0, normalize(in, in.length, out, 0));
  }

  /** Normalises {@code in[0, n)} into {@code out} from {@code at}; returns the length written. */
  private static int normalize(char[] in, int n, char[] out, int at) {
    int o = at;
    int i = 0;
    while (i < n) {
      char c = in[i];
      if (isAsciiDigit(c)) {
        int j = i;
        while (j < n && isAsciiDigit(in[j])) {
          j++;
        }
        int k = j;
        while (k < n && isHex(in[k])) {
          k++;
        }
        if (k - i >= 8) {
          out[o++] = 'h';
          i = k;
        } else {
          out[o++] = '0';
          i = j;
        }
        continue;
      }
      int hexEnd = i;
      boolean digit = false;
      while (hexEnd < n && isHex(in[hexEnd])) {
        digit |= isAsciiDigit(in[hexEnd]);
        hexEnd++;
      }
      if (digit && hexEnd - i >= 8) {
        out[o++] = 'h';
        i = hexEnd;
        continue;
      }
      out[o++] = Character.toLowerCase(c);
      i++;
    }
    return o - at;
  }

  /** Splits on separators, camelCase humps and letter-digit boundaries; lower-case; digits as {@code #}. */
  static List<String> tokens(String name) {
    Scratch s = new Scratch();
    int n = Math.min(name.length(), MAX_NAME);
    name.getChars(0, n, s.raw, 0);
    for (int i = 0; i < n; i++) {
      s.lower[i] = Character.toLowerCase(s.raw[i]);
    }
    tokenize(s, n);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.tokens; i++) {
      FeatureSink.Strings f = new FeatureSink.Strings();
      token(f.begin(""), s, i).end();
      out.add(f.out.get(0));
    }
    return out;
  }

  private static void tokenize(Scratch s, int n) {
    tokenizeRange(s, 0, n);
  }

  private static void tokenizeRange(Scratch s, int from, int to) {
    s.tokens = 0;
    char[] a = s.raw;
    int start = -1;
    char prev = 0;
    for (int i = from; i < to; i++) {
      char c = a[i];
      boolean sep = !Character.isLetterOrDigit(c);
      boolean hump = Character.isUpperCase(c) && prev != 0 && Character.isLowerCase(prev);
      boolean acronymEnd = Character.isUpperCase(c) && i + 1 < to && Character.isLowerCase(a[i + 1])
          && Character.isUpperCase(prev);
      boolean digitEdge = prev != 0 && Character.isDigit(c) != Character.isDigit(prev) && !sep
          && Character.isLetterOrDigit(prev);
      if ((sep || hump || acronymEnd || digitEdge) && start >= 0) {
        addToken(s, start, i);
        start = -1;
      }
      if (!sep && start < 0) {
        start = i;
      }
      prev = c;
    }
    if (start >= 0) {
      addToken(s, start, to);
    }
  }

  private static void addToken(Scratch s, int from, int to) {
    int k = s.tokens++;
    s.tokStart[k] = from;
    s.tokEnd[k] = to;
    if (isAsciiDigit(s.lower[from])) {
      s.tokKind[k] = NUMBER;
    } else if (to - from >= 12 && allHex(s.lower, from, to)) {
      s.tokKind[k] = HEX;
    } else {
      s.tokKind[k] = WORD;
    }
  }

  private static boolean allHex(char[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isHex(a[i])) {
        return false;
      }
    }
    return true;
  }

  private static String caseShape(char[] s, int n) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < n; i++) {
      upper |= Character.isUpperCase(s[i]);
      lower |= Character.isLowerCase(s[i]);
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

  static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHex(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
