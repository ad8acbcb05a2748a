package dev.warden.consent.gate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits and helpers for cookie headers: parsing a request's {@code Cookie} header and writing the
 * {@code Set-Cookie} header that deletes a cookie.
 */
public final class CookieHeaders {

  /** The longest {@code Set-Cookie} header accepted, in characters. */
  public static final int MAX_SET_COOKIE = 8192;
  /** The longest name and value together (RFC 6265bis: 4096 octets). */
  public static final int MAX_NAME_VALUE = 4096;
  /** The longest {@code Cookie} header accepted, in characters. */
  public static final int MAX_COOKIE_HEADER = 16_384;
  /** Attribute values longer than this are ignored, as RFC 6265bis says. */
  public static final int MAX_ATTRIBUTE_VALUE = 1024;

  private static final String EPOCH = CookieDates.format(Instant.EPOCH);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private CookieHeaders() {}

  /**
   * Parses a request's {@code Cookie} header value: {@code name=value} pairs separated by
   * {@code ;}. Pieces without {@code =} and empty pieces are skipped, as servers do.
   *
   * @throws CookieHeaderException if the header is too long or holds a control character
   */
  public static List<RequestCookie> parseCookieHeader(String header) {
    if (header == null || header.isEmpty()) {
      return List.of();
    }
    if (header.length() > MAX_COOKIE_HEADER) {
      throw new CookieHeaderException("Cookie header is " + header.length() + " characters, more than the "
          + MAX_COOKIE_HEADER + " allowed", -1);
    }
    rejectControls(header, "Cookie");
    List<RequestCookie> out = new ArrayList<>();
    int pos = 0;
    while (pos <= header.length()) {
      int semi = header.indexOf(';', pos);
      int end = semi < 0 ? header.length() : semi;
      int eq = header.indexOf('=', pos);
      if (eq >= 0 && eq < end) {
        String name = header.substring(pos, eq).strip();
        if (!name.isEmpty()) {
          out.add(new RequestCookie(name, header.substring(eq + 1, end).strip()));
        }
      }
      if (semi < 0) {
        break;
      }
      pos = semi + 1;
    }
    return out;
  }

  /**
   * The {@code Set-Cookie} header that deletes a cookie: empty value, {@code Max-Age=0} and an
   * {@code Expires} in 1970 (for old browsers).
   *
   * @param domain the {@code Domain} attribute, or null for a host-only cookie
   * @param secure whether to add {@code Secure} (needed to delete {@code __Secure-} and
   *     {@code __Host-} cookies)
   */
  public static String deletion(String name, String path, String domain, boolean secure) {
    StringBuilder sb = new StringBuilder(name.length() + 80);
    sb.append(name).append("=; Max-Age=0; Expires=").append(EPOCH).append("; Path=").append(path);
    if (domain != null) {
      sb.append("; Domain=").append(domain);
    }
    if (secure) {
      sb.append("; Secure");
    }
    return sb.toString();
  }

  /** Refuses CTLs (0x00-0x1F but HTAB, and 0x7F): CR and LF would split the header. */
  static void rejectControls(String header, String what) {
    rejectControls(header, latin1(header), what);
  }

  /**
   * The header's characters as Latin-1 bytes, one per character, so the indexes are the string's:
   * characters past Latin-1 become '?'.
   */
  static byte[] latin1(String header) {
    byte[] b = header.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != header.length()) {
      // The encoder writes one '?' for a surrogate pair; the parser needs one byte per char.
      b = new byte[header.length()];
      for (int i = 0; i < b.length; i++) {
        char c = header.charAt(i);
        b[i] = c < 256 ? (byte) c : (byte) '?';
      }
    }
    return b;
  }

  /**
   * As {@link #rejectControls(String, String)}, given {@link #latin1(String) latin1(header)}. First
   * a pass eight bytes at a time that flags anything outside printable ASCII; only a flagged header,
   * rare (a tab, a non-ASCII character, a control), is scanned again character by character.
   */
  static void rejectControls(String header, byte[] b, String what) {
    long flagged = 0;
    int i = 0;
    for (; i + 8 <= b.length; i += 8) {
      long x = (long) LONGS.get(b, i);
      long y = x ^ 0x7F7F7F7F7F7F7F7FL;
      flagged |= ((x - 0x2020202020202020L) & ~x) // a byte below 0x20
          | x // a byte from 0x80
          | ((y - 0x0101010101010101L) & ~y); // a byte equal to 0x7F
    }
    flagged &= 0x8080808080808080L;
    int tail = 0;
    for (; i < b.length; i++) {
      int c = b[i];
      tail |= (c - 0x20) | (0x7E - c);
    }
    if (flagged == 0 && tail >= 0) {
      return;
    }
    for (int k = 0; k < header.length(); k++) {
      char c = header.charAt(k);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new CookieHeaderException(what + " header holds control character 0x"
            + Integer.toHexString(c | 0x100).substring(1).toUpperCase(java.util.Locale.ROOT), k);
      }
    }
  }
}
