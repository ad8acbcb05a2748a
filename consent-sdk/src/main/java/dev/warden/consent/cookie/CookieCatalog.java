package dev.warden.consent.cookie;

import dev.warden.policy.CookieMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of known cookies with exact, prefix and pattern rules. Immutable and thread-safe.
 *
 * <p>Use the {@link #builtIn() built-in catalog} written by this project, load a host-given file in
 * the Open Cookie Database CSV format with {@link #openCookieDatabase(Path)}, or make one from
 * entries. An entry whose vendor sets it on the vendor's own domains ({@link
 * CatalogEntry#thirdParty()} with domains) matches a cookie whose domain is known only on those
 * domains; otherwise an entry's domains are a preference between entries of the same name.
 *
 * {@snippet :
 * CookieCatalog ocd = CookieCatalog.openCookieDatabase(Path.of("open-cookie-database.csv"));
 * Optional<CatalogEntry> e = ocd.find(Cookie.named("_hjSessionUser_123"));
 * }
 */
public final class CookieCatalog {

  private static final String BUILT_IN_RESOURCE = "builtin-catalog.txt";

  private final String name;
  private final List<CatalogEntry> entries;
  private final NameIndex<CatalogEntry> index;
  /** The sites of each entry's domains, worked out once. */
  private final Map<CatalogEntry, String[]> sites = new IdentityHashMap<>();
  /** For a catalog read from an Open Cookie Database file: the row behind each entry, in order; else null. */
  private final List<OcdLabels.Row> ocdRows;
  /** Rules by the cookie's site (the built-in catalog's {@code *} names), by site. */
  private final Map<String, SiteRule> siteRules;

  private CookieCatalog(String name, List<CatalogEntry> entries) {
    this(name, entries, null, Map.of());
  }

  private CookieCatalog(String name, OpenCookieDatabase.Loaded loaded) {
    this(name, loaded.entries(), loaded.rows(), Map.of());
  }

  private CookieCatalog(String name, List<CatalogEntry> entries, List<OcdLabels.Row> ocdRows,
      Map<String, SiteRule> siteRules) {
    this.name = name;
    this.entries = List.copyOf(entries);
    this.ocdRows = ocdRows;
    this.siteRules = Map.copyOf(siteRules);
    this.index = new NameIndex<>(this.entries, CatalogEntry::name, CatalogEntry::match);
    for (CatalogEntry e : this.entries) {
      if (!e.domains().isEmpty()) {
        sites.put(e, e.domains().stream().map(Sites::siteOf).distinct().toArray(String[]::new));
      }
    }
  }

  /** A catalog of the given entries. */
  public static CookieCatalog of(String name, List<CatalogEntry> entries) {
    Objects.requireNonNull(name, "name");
    return new CookieCatalog(name, entries);
  }

  /** The catalog written by this project: framework, CDN, consent-manager, analytics and ad cookies. */
  public static CookieCatalog builtIn() {
    return BuiltInHolder.CATALOG;
  }

  /**
   * Loads a catalog in the Open Cookie Database CSV format, mapping its categories to purpose
   * classes as docs/cookie-classification.md describes.
   *
   * @throws CookieCatalogException naming the file and line of the first problem
   */
  public static CookieCatalog openCookieDatabase(Path csv) {
    Objects.requireNonNull(csv, "csv");
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return new CookieCatalog(csv.getFileName().toString(), OpenCookieDatabase.read(r, csv.toString()));
    } catch (NoSuchFileException e) {
      throw new CookieCatalogException(csv.toString(), 0, "no such file", e);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new CookieCatalogException(csv.toString(), 0, "not UTF-8 text", e);
    } catch (IOException e) {
      throw new CookieCatalogException(csv.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Loads an Open Cookie Database CSV from a reader; the reader is not closed. */
  public static CookieCatalog openCookieDatabase(Reader csv, String name) {
    try {
      return new CookieCatalog(name, OpenCookieDatabase.read(csv, name));
    } catch (IOException e) {
      throw new CookieCatalogException(name, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The Open Cookie Database rows behind {@link #entries()}, in order; null for other catalogs. */
  List<OcdLabels.Row> ocdRows() {
    return ocdRows;
  }

  /** The catalog's name: {@code built-in}, or the file it was loaded from. */
  public String name() {
    return name;
  }

  /** Every entry, in the order read. */
  public List<CatalogEntry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The entry that best matches the cookie's name and domain. */
  public Optional<CatalogEntry> find(Cookie cookie) {
    Match m = match(cookie.name(), cookie.domain());
    return m == null ? Optional.empty() : Optional.of(m.entry());
  }

  /**
   * The site rule for a cookie that a vendor set on its own site, or null: the cookie's domain must
   * be a site with a rule and, when the first-party site is known, a different site from it (on
   * the vendor's own pages its cookies are first-party and serve the vendor's site).
   */
  SiteRule siteRule(String cookieDomain, String firstPartySite) {
    if (siteRules.isEmpty() || cookieDomain.isEmpty()) {
      return null;
    }
    String site = Sites.siteOf(cookieDomain);
    SiteRule rule = siteRules.get(site);
    if (rule == null || (!firstPartySite.isEmpty() && Sites.siteOf(firstPartySite).equals(site))) {
      return null;
    }
    return rule;
  }

  /** A match and how it was made. */
  record Match(CatalogEntry entry, CookieMatch by, boolean exactCase) {}

  /** The best match, or null. */
  Match match(String cookieName, String cookieDomain) {
    NameIndex.Hit<CatalogEntry> hit = index.find(cookieName);
    if (hit == null) {
      return null;
    }
    CatalogEntry best = pick(hit.entries(), cookieDomain);
    return best == null ? null : new Match(best, hit.match(), hit.exactCase());
  }

  /**
   * Among entries of one name: one whose domain is the cookie's site first, then one without
   * domains, then any that does not require its own domain.
   */
  private CatalogEntry pick(List<CatalogEntry> candidates, String cookieDomain) {
    if (candidates.size() == 1 && (candidates.get(0).domains().isEmpty() || !candidates.get(0).thirdParty())) {
      // One entry that does not require its own domain is the answer whatever the cookie's site.
      return candidates.get(0);
    }
    String site = cookieDomain.isEmpty() ? "" : Sites.siteOf(cookieDomain);
    CatalogEntry general = null;
    CatalogEntry fallback = null;
    for (CatalogEntry e : candidates) {
      String[] own = sites.get(e);
      if (own == null) {
        if (general == null) {
          general = e;
        }
        continue;
      }
      if (!site.isEmpty()) {
        for (String d : own) {
          if (d.equals(site)) {
            return e;
          }
        }
      }
      if (fallback == null && (site.isEmpty() || !e.thirdParty())) {
        fallback = e;
      }
    }
    return general != null ? general : fallback;
  }

  @Override
  public String toString() {
    return "CookieCatalog[" + name + ", " + entries.size() + " entries]";
  }

  private static final class BuiltInHolder {
    static final CookieCatalog CATALOG = load();

    private static CookieCatalog load() {
      try (InputStream in = CookieCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("built-in cookie catalog missing: " + BUILT_IN_RESOURCE);
        }
        BuiltInCatalogReader.Parsed parsed =
            BuiltInCatalogReader.readAll(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN_RESOURCE);
        return new CookieCatalog("built-in", parsed.entries(), null, parsed.siteRules());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the built-in cookie catalog", e);
      }
    }
  }
}
