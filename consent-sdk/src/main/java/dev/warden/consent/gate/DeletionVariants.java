package dev.warden.consent.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The deleting {@code Set-Cookie} headers for one cookie name: a browser keys a cookie by name,
 * domain (or host-only) and path, so a cookie set on the parent domain or on a deeper path survives
 * a deletion that names only the host and {@code /}. This covers the host-only cookie and every
 * domain from the request host up to the site, on {@code /} and each directory of the request path.
 * Over HTTPS each variant is sent a second time with {@code Partitioned}: a browser keeps a
 * partitioned (CHIPS) cookie apart from an unpartitioned one of the same name, domain and path, and
 * only a deletion that is itself partitioned reaches it (in the partition of the site being
 * visited; cookies the site set while embedded in other sites live in their partitions).
 */
final class DeletionVariants {

  /** Paths deeper than this are not enumerated (their deletions would bloat every response). */
  static final int MAX_PATH_DEPTH = 4;

  private DeletionVariants() {}

  static List<String> headers(String name, GateRequest request, String site) {
    return headers(name, request, site, true);
  }

  /** @param partitioned whether to add the partitioned twin of each variant (HTTPS requests only) */
  static List<String> headers(String name, GateRequest request, String site, boolean partitioned) {
    boolean secure = request.https();
    boolean twins = partitioned && request.https();
    if (name.regionMatches(true, 0, "__Host-", 0, 7)) {
      // A __Host- cookie can only exist host-only on '/', and only with Secure.
      String plain = CookieHeaders.deletion(name, "/", null, true);
      return twins ? List.of(plain, plain + "; Partitioned") : List.of(plain);
    }
    if (name.regionMatches(true, 0, "__Secure-", 0, 9)) {
      secure = true;
    }
    Set<String> out = new LinkedHashSet<>();
    List<String> paths = paths(request.path());
    List<String> domains = domains(request.host(), site);
    for (String path : paths) {
      out.add(CookieHeaders.deletion(name, path, null, secure));
      for (String d : domains) {
        out.add(CookieHeaders.deletion(name, path, d, secure));
      }
    }
    if (twins) {
      // Partitioned cookies must be Secure, so these come only over HTTPS, where secure is set.
      for (String plain : List.copyOf(out)) {
        out.add(plain + "; Partitioned");
      }
    }
    return new ArrayList<>(out);
  }

  /** {@code /}, then each directory of the path: {@code /a/b/c} gives {@code /, /a, /a/b, /a/b/c}. */
  static List<String> paths(String path) {
    List<String> out = new ArrayList<>();
    out.add("/");
    int depth = 0;
    for (int i = 1; i < path.length() && depth < MAX_PATH_DEPTH; i++) {
      if (path.charAt(i) == '/') {
        out.add(path.substring(0, i));
        depth++;
      }
    }
    if (path.length() > 1 && !path.endsWith("/") && depth < MAX_PATH_DEPTH) {
      out.add(path);
    }
    return out;
  }

  /** The host and each parent domain down to the site ({@code a.b.example.com} to {@code example.com}). */
  static List<String> domains(String host, String site) {
    List<String> out = new ArrayList<>();
    if (!(host.equals(site) || host.endsWith("." + site)) || isIpAddress(host)) {
      return out;
    }
    String d = host;
    while (true) {
      out.add(d);
      if (d.equals(site)) {
        break;
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        break;
      }
      d = d.substring(dot + 1);
    }
    return out;
  }

  private static boolean isIpAddress(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }
}
