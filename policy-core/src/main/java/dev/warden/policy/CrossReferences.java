package dev.warden.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that identifiers are unique and that references resolve. Works on identifiers and
 * pointers only, so that the loader can run it even when some elements failed to load.
 */
final class CrossReferences {

  enum Kind {
    DATA_CATEGORY("data category", "/dataCategories"),
    RECIPIENT("recipient", "/recipients"),
    PURPOSE("purpose", "/purposes"),
    COOKIE_CATEGORY("cookie category", "/cookieCategories"),
    RETENTION_RULE("retention rule", "/retention"),
    RETAINED_CATEGORY("retention rule for data category", "/retention"),
    CONTENT_CATEGORY("content rule for category", "/contentRules"),
    COOKIE_DECLARATION("cookie declaration", "/cookieCategories");

    final String noun;
    final String section;

    Kind(String noun, String section) {
      this.noun = noun;
      this.section = section;
    }
  }

  private final Map<Kind, Map<String, String>> defs = new HashMap<>();
  private final List<String[]> refs = new ArrayList<>();
  private final List<PolicyProblem> problems = new ArrayList<>();
  private final Map<String, String> consentPurposes = new LinkedHashMap<>();
  private final List<String[]> consentFreeCategories = new ArrayList<>();

  /** Declares {@code id} at {@code pointer}; a second declaration is a problem. */
  void define(Kind kind, String id, String pointer) {
    String first = defs.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(id, pointer);
    if (first != null) {
      problems.add(PolicyProblem.at(pointer,
          "duplicate " + kind.noun + " '" + id + "' (first at " + first + ")"));
    }
  }

  /** Records that the value at {@code pointer} refers to {@code id} of {@code kind}. */
  void reference(Kind kind, String id, String pointer) {
    refs.add(new String[] {kind.name(), id, pointer});
  }

  /** Records a purpose whose legal basis is consent. */
  void consentPurpose(String purposeId, String pointer) {
    consentPurposes.put(purposeId, pointer);
  }

  /** Records a cookie category that does not require consent, with its purposes' pointers. */
  void consentFreeCookieCategory(String categoryId, String purposeId, String pointer) {
    consentFreeCategories.add(new String[] {categoryId, purposeId, pointer});
  }

  /** Returns every problem found, in the order found. */
  List<PolicyProblem> problems() {
    List<PolicyProblem> out = new ArrayList<>(problems);
    for (String[] r : refs) {
      Kind kind = Kind.valueOf(r[0]);
      if (!defs.getOrDefault(kind, Map.of()).containsKey(r[1])) {
        Set<String> known = defs.getOrDefault(kind, Map.of()).keySet();
        out.add(PolicyProblem.at(r[2], "refers to undefined " + kind.noun + " '" + r[1]
            + "' (defined in " + kind.section + ": " + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known))) + ")"));
      }
    }
    for (String[] c : consentFreeCategories) {
      if (consentPurposes.containsKey(c[1])) {
        out.add(PolicyProblem.at(c[2], "cookie category '" + c[0]
            + "' does not require consent but serves purpose '" + c[1]
            + "', whose legal basis is consent"));
      }
    }
    return out;
  }

  /** How a cookie declaration is named in a duplicate-declaration problem. */
  static String declarationKey(CookieMatch match, String name, String domain) {
    return name + " (" + match.name().toLowerCase(java.util.Locale.ROOT)
        + (domain == null ? "" : " on " + domain) + ")";
  }

  /** Collects the identifiers and references of a policy built in code. */
  static List<PolicyProblem> check(
      List<DataCategory> dataCategories,
      List<Recipient> recipients,
      List<Purpose> purposes,
      List<CookieCategory> cookieCategories,
      List<RetentionRule> retention,
      List<ContentRule> contentRules) {
    CrossReferences x = new CrossReferences();
    for (int i = 0; i < dataCategories.size(); i++) {
      x.define(Kind.DATA_CATEGORY, dataCategories.get(i).id(), "/dataCategories/" + i + "/id");
    }
    for (int i = 0; i < recipients.size(); i++) {
      x.define(Kind.RECIPIENT, recipients.get(i).id(), "/recipients/" + i + "/id");
    }
    for (int i = 0; i < purposes.size(); i++) {
      Purpose pu = purposes.get(i);
      String at = "/purposes/" + i;
      x.define(Kind.PURPOSE, pu.id(), at + "/id");
      if (pu.needsConsent()) {
        x.consentPurpose(pu.id(), at);
      }
      for (int j = 0; j < pu.dataCategories().size(); j++) {
        x.reference(Kind.DATA_CATEGORY, pu.dataCategories().get(j), at + "/dataCategories/" + j);
      }
      for (int j = 0; j < pu.recipients().size(); j++) {
        x.reference(Kind.RECIPIENT, pu.recipients().get(j), at + "/recipients/" + j);
      }
    }
    for (int i = 0; i < cookieCategories.size(); i++) {
      CookieCategory c = cookieCategories.get(i);
      String at = "/cookieCategories/" + i;
      x.define(Kind.COOKIE_CATEGORY, c.id(), at + "/id");
      for (int j = 0; j < c.purposes().size(); j++) {
        x.reference(Kind.PURPOSE, c.purposes().get(j), at + "/purposes/" + j);
        if (!c.consentRequired()) {
          x.consentFreeCookieCategory(c.id(), c.purposes().get(j), at + "/purposes/" + j);
        }
      }
      for (int j = 0; j < c.cookies().size(); j++) {
        CookieDeclaration d = c.cookies().get(j);
        x.define(Kind.COOKIE_DECLARATION, declarationKey(d.match(), d.name(), d.domain().orElse(null)),
            at + "/cookies/" + j);
      }
    }
    for (int i = 0; i < retention.size(); i++) {
      RetentionRule r = retention.get(i);
      x.define(Kind.RETENTION_RULE, r.id(), "/retention/" + i + "/id");
      x.define(Kind.RETAINED_CATEGORY, r.dataCategory(), "/retention/" + i + "/dataCategory");
      x.reference(Kind.DATA_CATEGORY, r.dataCategory(), "/retention/" + i + "/dataCategory");
    }
    for (int i = 0; i < contentRules.size(); i++) {
      x.define(Kind.CONTENT_CATEGORY, contentRules.get(i).category().id(), "/contentRules/" + i + "/category");
    }
    return x.problems();
  }
}
