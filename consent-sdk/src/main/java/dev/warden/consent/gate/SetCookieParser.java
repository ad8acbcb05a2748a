package dev.warden.consent.gate;

import dev.warden.consent.cookie.SameSite;
import java.util.ArrayList;
import java.util.Locale;

/**
 * RFC 6265 section 5.2 parsing of a {@code Set-Cookie} header: lenient about attributes (as
 * browsers are), strict about what could smuggle a header (control characters, CR, LF) and about
 * size.
 */
final class SetCookieParser {

  private SetCookieParser() {}

  static ParsedSetCookie parse(String header) {
    if (header == null) {
      throw new CookieHeaderException("Set-Cookie header is null", -1);
    }
    if (header.length() > CookieHeaders.MAX_SET_COOKIE) {
      throw new CookieHeaderException("Set-Cookie header is " + header.length() + " characters, more than the "
          + CookieHeaders.MAX_SET_COOKIE + " allowed", -1);
    }
    // The parser reads the structure (ASCII delimiters and attribute names) from the Latin-1 bytes,
    // which have the header's indexes and cost less to read than the string's characters; text is
    // taken from the string.
    byte[] b = CookieHeaders.latin1(header);
    CookieHeaders.rejectControls(header, b, "Set-Cookie");
    int semi = header.indexOf(';');
    int pairEnd = semi < 0 ? header.length() : semi;
    int eq = header.indexOf('=');
    if (eq < 0 || eq > pairEnd) {
      throw new CookieHeaderException("Set-Cookie has no '=' in its name-value pair", 0);
    }
    int nameStart = skipSpace(b, 0, eq);
    int nameEnd = trimEnd(b, nameStart, eq);
    if (nameStart == nameEnd) {
      throw new CookieHeaderException("Set-Cookie has an empty cookie name", 0);
    }
    if ((nameEnd - nameStart) + (pairEnd - eq - 1) > CookieHeaders.MAX_NAME_VALUE) {
      throw new CookieHeaderException("cookie name and value are longer than " + CookieHeaders.MAX_NAME_VALUE
          + " characters together", 0);
    }
    String name = header.substring(nameStart, nameEnd);
    int valueStart = skipSpace(b, eq + 1, pairEnd);
    ParsedSetCookie c = new ParsedSetCookie(header, name, valueStart, trimEnd(b, valueStart, pairEnd));
    int pos = pairEnd;
    int n = header.length();
    // Attributes are read by index: a response carries many headers and most attributes are flags.
    while (pos < n) {
      // One pass finds the attribute's end and its first '='.
      int end = pos + 1;
      int aeq = -1;
      for (; end < n; end++) {
        byte ch = b[end];
        if (ch == ';') {
          break;
        }
        if (ch == '=' && aeq < 0) {
          aeq = end;
        }
      }
      if (aeq < 0) {
        aeq = end;
      }
      int a = skipSpace(b, pos + 1, aeq);
      int attrEnd = trimEnd(b, a, aeq);
      int vStart = aeq < end ? skipSpace(b, aeq + 1, end) : end;
      int vEnd = trimEnd(b, vStart, end);
      pos = end;
      if (vEnd - vStart > CookieHeaders.MAX_ATTRIBUTE_VALUE) {
        continue; // RFC 6265bis: attributes over 1024 octets are ignored
      }
      int len = attrEnd - a;
      switch (attribute(b, a, len)) {
        case NONE -> { } // an empty attribute between two semicolons
        case SECURE -> c.secure = true;
        case HTTP_ONLY -> c.httpOnly = true;
        case PATH -> c.path = vStart < vEnd && b[vStart] == '/'
            ? vEnd - vStart == 1 ? "/" : header.substring(vStart, vEnd) : null;
        case DOMAIN -> {
          int d = vStart < vEnd && b[vStart] == '.' ? vStart + 1 : vStart;
          if (d < vEnd) {
            String v = header.substring(d, vEnd);
            c.domain = hasUpper(header, d, vEnd) ? v.toLowerCase(Locale.ROOT) : v;
          }
        }
        case MAX_AGE -> {
          long m = maxAge(header, vStart, vEnd);
          if (m != ParsedSetCookie.ABSENT) {
            c.maxAge = m;
          }
        }
        case EXPIRES -> {
          long t = CookieDates.parseEpochSecond(header, vStart, vEnd);
          if (t != ParsedSetCookie.ABSENT) {
            c.expires = t;
          }
        }
        case SAME_SITE -> {
          int vl = vEnd - vStart;
          c.sameSite = is(b, vStart, vl, "strict") ? SameSite.STRICT
              : is(b, vStart, vl, "lax") ? SameSite.LAX
              : is(b, vStart, vl, "none") ? SameSite.NONE : SameSite.UNSPECIFIED;
        }
        case PARTITIONED -> c.partitioned = true;
        case OTHER -> {
          if (c.extensions.isEmpty()) {
            c.extensions = new ArrayList<>(2);
          }
          // As written, without the spaces around it (an empty value's included).
          c.extensions.add(header.substring(a, aeq == end ? attrEnd : vStart < vEnd ? vEnd : aeq + 1));
        }
      }
    }
    return c;
  }

  /** The attributes the parser knows. */
  private enum Attribute { NONE, SECURE, HTTP_ONLY, PATH, DOMAIN, MAX_AGE, EXPIRES, SAME_SITE, PARTITIONED, OTHER }

  /** Which attribute {@code s[from, from+len)} names, by length first: most headers carry several. */
  private static Attribute attribute(byte[] s, int from, int len) {
    return switch (len) {
      case 0 -> Attribute.NONE;
      case 4 -> is(s, from, len, "path") ? Attribute.PATH : Attribute.OTHER;
      case 6 -> is(s, from, len, "secure") ? Attribute.SECURE
          : is(s, from, len, "domain") ? Attribute.DOMAIN : Attribute.OTHER;
      case 7 -> is(s, from, len, "max-age") ? Attribute.MAX_AGE
          : is(s, from, len, "expires") ? Attribute.EXPIRES : Attribute.OTHER;
      case 8 -> is(s, from, len, "httponly") ? Attribute.HTTP_ONLY
          : is(s, from, len, "samesite") ? Attribute.SAME_SITE : Attribute.OTHER;
      case 11 -> is(s, from, len, "partitioned") ? Attribute.PARTITIONED : Attribute.OTHER;
      default -> Attribute.OTHER;
    };
  }

  /** Whether {@code s[from, from+len)} equals the lower-case ASCII word, ignoring ASCII case. */
  private static boolean is(byte[] s, int from, int len, String word) {
    if (len != word.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      int c = s[from + i];
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The first index in [from, to) that is not a space or tab, or {@code to}. */
  private static int skipSpace(byte[] s, int from, int to) {
    while (from < to && (s[from] == ' ' || s[from] == '\t')) {
      from++;
    }
    return from;
  }

  /** The end of [from, to) without trailing spaces and tabs. */
  private static int trimEnd(byte[] s, int from, int to) {
    while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\t')) {
      to--;
    }
    return to;
  }

  private static boolean hasUpper(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z' || c >= 128) {
        return true;
      }
    }
    return false;
  }

  /**
   * RFC 6265 5.2.2: an optional '-' and digits; {@link ParsedSetCookie#ABSENT} otherwise. Huge
   * values are clamped.
   */
  private static long maxAge(String s, int from, int to) {
    if (from >= to) {
      return ParsedSetCookie.ABSENT;
    }
    boolean negative = s.charAt(from) == '-';
    int i = negative ? from + 1 : from;
    if (i == to) {
      return ParsedSetCookie.ABSENT;
    }
    long v = 0;
    for (int k = i; k < to; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return ParsedSetCookie.ABSENT;
      }
      if (v < 1_000_000_000_000L) {
        v = v * 10 + (c - '0');
      }
    }
    if (v >= 1_000_000_000_000L) {
      return negative ? -1L : 400L * 86_400; // browsers cap lifetimes at 400 days
    }
    return negative ? -v : v;
  }
}
