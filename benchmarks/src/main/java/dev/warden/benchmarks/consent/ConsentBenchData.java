package dev.warden.benchmarks.consent;

import dev.warden.consent.cookie.CatalogEntry;
import dev.warden.consent.cookie.Cookie;
import dev.warden.consent.cookie.CookieCatalog;
import dev.warden.policy.CookieMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded inputs shared by the consent benchmarks. */
final class ConsentBenchData {

  private static final String[] WORDS = {"acme", "shop", "portal", "user", "pref", "cart", "visit", "track", "ad",
      "stat", "sess", "token", "lang", "theme", "ref", "click", "id", "uid", "seen", "last", "geo", "ab", "exp"};

  private ConsentBenchData() {}

  /** Names of the built-in catalog's exact entries, shuffled with a seed. */
  static List<String> catalogNames(int n, long seed) {
    List<String> names = new ArrayList<>();
    for (CatalogEntry e : CookieCatalog.builtIn().entries()) {
      if (e.match() == CookieMatch.EXACT && !e.thirdParty()) {
        names.add(e.name());
      }
    }
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(names.get(rnd.nextInt(names.size())));
    }
    return out;
  }

  /** Made-up names no catalog knows, such as {@code acme_visit_uid_73}. */
  static List<String> unknownNames(int n, long seed) {
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int parts = 2 + rnd.nextInt(2);
      StringBuilder sb = new StringBuilder(rnd.nextInt(4) == 0 ? "_" : "");
      for (int p = 0; p < parts; p++) {
        sb.append(p == 0 ? "" : "_").append(WORDS[rnd.nextInt(WORDS.length)]);
      }
      sb.append('_').append(rnd.nextInt(1000));
      out.add("zz" + sb);
    }
    return out;
  }

  static List<Cookie> cookies(List<String> names, long seed) {
    Random rnd = new Random(seed);
    List<Cookie> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(Cookie.builder(n).value(Long.toHexString(rnd.nextLong())).domain("www.example.com")
          .firstPartySite("example.com").build());
    }
    return out;
  }
}
