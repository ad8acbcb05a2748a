package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/** Reads the built-in catalog's text format (see {@code builtin-catalog.txt}). */
final class BuiltInCatalogReader {

  private BuiltInCatalogReader() {}

  /** A catalog file's cookie entries and its site rules (the {@code *} names), by site. */
  record Parsed(List<CatalogEntry> entries, Map<String, SiteRule> siteRules) {}

  static List<CatalogEntry> read(Reader reader, String source) throws IOException {
    return readAll(reader, source).entries();
  }

  static Parsed readAll(Reader reader, String source) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    List<CatalogEntry> out = new ArrayList<>();
    Map<String, SiteRule> siteRules = new LinkedHashMap<>();
    String vendor = null;
    List<String> domains = List.of();
    String line;
    long no = 0;
    while ((line = in.readLine()) != null) {
      no++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("@")) {
        String v = t.substring(1);
        int bar = v.indexOf('|');
        vendor = (bar < 0 ? v : v.substring(0, bar)).strip();
        domains = bar < 0 ? List.of() : Arrays.asList(v.substring(bar + 1).strip().split("\\s+"));
        if (vendor.isEmpty()) {
          throw new CookieCatalogException(source, no, "a vendor line needs a name after '@'");
        }
        continue;
      }
      int colon = t.indexOf(':');
      if (colon < 0) {
        throw new CookieCatalogException(source, no, "expected 'class [lifetime] [3p]: names', got '" + t + "'");
      }
      if (vendor == null) {
        throw new CookieCatalogException(source, no, "cookie names before the first '@ vendor' line");
      }
      String[] head = t.substring(0, colon).strip().split("\\s+");
      CookieClass cls = cookieClass(head[0], source, no);
      Optional<Duration> lifetime = Optional.empty();
      boolean thirdParty = false;
      for (int i = 1; i < head.length; i++) {
        if (head[i].equals("3p")) {
          thirdParty = true;
          continue;
        }
        Duration d = Lifetimes.parseShort(head[i]);
        if (d == null) {
          throw new CookieCatalogException(source, no, "'" + head[i] + "' is neither a lifetime (session, 30m,"
              + " 12h, 7d, 2w, 13mo, 2y) nor '3p'");
        }
        lifetime = Optional.of(d);
      }
      for (String name : t.substring(colon + 1).strip().split("\\s+")) {
        if (name.isEmpty()) {
          continue;
        }
        if (name.equals("*")) {
          if (!thirdParty || domains.isEmpty()) {
            throw new CookieCatalogException(source, no, "'*' (any other cookie on the vendor's own domains)"
                + " needs '3p' and a vendor line with domains ('@ " + vendor + " | domain ...')");
          }
          for (String d : domains) {
            String site = Sites.siteOf(d);
            SiteRule rule = new SiteRule(site, cls, vendor, lifetime);
            SiteRule before = siteRules.putIfAbsent(site, rule);
            if (before != null && before.cookieClass() != cls) {
              throw new CookieCatalogException(source, no, "site " + site + " already has a '*' rule of class "
                  + before.cookieClass().name().toLowerCase(Locale.ROOT) + " (" + before.vendor() + ")");
            }
          }
          continue;
        }
        CookieMatch match = CookieMatch.EXACT;
        String n = name;
        if (n.length() > 2 && n.startsWith("/") && n.endsWith("/")) {
          match = CookieMatch.PATTERN;
          n = n.substring(1, n.length() - 1);
        } else if (n.length() > 1 && n.endsWith("*")) {
          match = CookieMatch.PREFIX;
          n = n.substring(0, n.length() - 1);
        }
        try {
          out.add(new CatalogEntry(n, match, cls, vendor, domains, lifetime, thirdParty,
              cls.name().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new CookieCatalogException(source, no, e.getMessage(), e);
        }
      }
    }
    return new Parsed(out, siteRules);
  }

  private static CookieClass cookieClass(String s, String source, long line) {
    for (CookieClass c : CookieClass.values()) {
      if (c.name().equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw new CookieCatalogException(source, line, "unknown class '" + s
        + "' (expected necessary, functional, analytics or advertising)");
  }
}
