package dev.warden.consent.cookie;

import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Open Cookie Database CSV format: a header row naming the columns (at least
 * {@code Category}, {@code Cookie / Data Key name} and {@code Wildcard match}; {@code Platform},
 * {@code Domain}, {@code Description} and {@code Retention period} are used when present), then one
 * cookie per row. Categories are mapped by {@link OcdLabels}.
 */
final class OpenCookieDatabase {

  static final String CATEGORY = "Category";
  static final String NAME = "Cookie / Data Key name";
  static final String WILDCARD = "Wildcard match";
  static final String PLATFORM = "Platform";
  static final String DOMAIN = "Domain";
  static final String DESCRIPTION = "Description";
  static final String RETENTION = "Retention period";

  private OpenCookieDatabase() {}

  /** The entries read, and for each the row its class was mapped from (for re-mapping subsets). */
  record Loaded(List<CatalogEntry> entries, List<OcdLabels.Row> rows) {}

  static Loaded read(Reader reader, String source) throws IOException {
    CsvReader csv = new CsvReader(reader, source);
    List<String> header = csv.next();
    if (header == null) {
      throw new CookieCatalogException(source, 0, "the file is empty; expected a header row with "
          + CATEGORY + ", " + NAME + " and " + WILDCARD);
    }
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.put(header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
    }
    int cat = required(col, CATEGORY, header, source);
    int name = required(col, NAME, header, source);
    int wild = required(col, WILDCARD, header, source);
    int platform = col.getOrDefault(PLATFORM.toLowerCase(Locale.ROOT), -1);
    int domain = col.getOrDefault(DOMAIN.toLowerCase(Locale.ROOT), -1);
    int description = col.getOrDefault(DESCRIPTION.toLowerCase(Locale.ROOT), -1);
    int retention = col.getOrDefault(RETENTION.toLowerCase(Locale.ROOT), -1);

    List<List<String>> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<OcdLabels.Row> rows = new ArrayList<>();
    List<String> r;
    while ((r = csv.next()) != null) {
      long line = csv.recordLine();
      if (r.size() == 1 && r.get(0).isBlank()) {
        continue;
      }
      if (r.size() != header.size()) {
        throw new CookieCatalogException(source, line, "expected " + header.size() + " fields as in the header, got "
            + r.size());
      }
      String category = r.get(cat).strip();
      if (!OcdLabels.known(category)) {
        throw new CookieCatalogException(source, line, "unknown category '" + category + "' (expected Functional,"
            + " Analytics, Marketing, Personalization, Security or Necessary)");
      }
      String n = r.get(name).strip();
      if (n.isEmpty()) {
        throw new CookieCatalogException(source, line, "the cookie name (column '" + NAME + "') is empty");
      }
      String w = r.get(wild).strip();
      if (!w.equals("0") && !w.equals("1") && !w.isEmpty()) {
        throw new CookieCatalogException(source, line, "'" + WILDCARD + "' must be 0 or 1, got '" + w + "'");
      }
      records.add(r);
      lines.add(line);
      rows.add(new OcdLabels.Row(category, field(r, platform), n, field(r, description)));
    }
    OcdLabels labels = new OcdLabels(rows);
    List<CatalogEntry> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      List<String> rec = records.get(i);
      OcdLabels.Row row = rows.get(i);
      CookieClass cls = labels.map(row);
      String d = field(rec, domain);
      boolean thirdParty = d.toLowerCase(Locale.ROOT).contains("3rd party")
          || d.toLowerCase(Locale.ROOT).contains("third party");
      Optional<Duration> lifetime = Lifetimes.parseText(field(rec, retention));
      boolean prefix = rec.get(wild).strip().equals("1");
      try {
        out.add(new CatalogEntry(row.name(), prefix ? CookieMatch.PREFIX : CookieMatch.EXACT, cls,
            row.platform().isEmpty() ? "unknown vendor" : row.platform(), domains(d), lifetime, thirdParty,
            row.category()));
      } catch (IllegalArgumentException e) {
        throw new CookieCatalogException(source, lines.get(i), e.getMessage(), e);
      }
    }
    return new Loaded(out, List.copyOf(rows));
  }

  private static int required(Map<String, Integer> col, String name, List<String> header, String source) {
    Integer i = col.get(name.toLowerCase(Locale.ROOT));
    if (i == null) {
      throw new CookieCatalogException(source, 1, "missing column '" + name + "' (the header has " + header + ")");
    }
    return i;
  }

  private static String field(List<String> r, int i) {
    return i < 0 ? "" : r.get(i).strip();
  }

  /** {@code ".bing.com (3rd party) or .microsoft.com (3rd party)"} to {@code [bing.com, microsoft.com]}. */
  static List<String> domains(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : text.toLowerCase(Locale.ROOT).replace("(3rd party)", " ").replace("(third party)", " ")
        .split("\\s+or\\s+|[,;\\s]+")) {
      String d = Sites.normalize(part);
      if (d.contains(".") && d.matches("[a-z0-9.*-]+")) {
        out.add(d.replace("*.", ""));
      }
    }
    return List.copyOf(out);
  }
}
