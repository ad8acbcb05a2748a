package dev.warden.moderation;

import dev.warden.moderation.internal.NormalizedText;
import dev.warden.moderation.internal.TextNormalizer;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the lexicon text format; collects every problem before failing. */
final class LexiconParser {

  static final int MAX_TERM_LENGTH = 64;
  private static final Pattern LANGUAGE = Pattern.compile("\\*|[a-z]{2,3}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  private static final Pattern RULE = Pattern.compile(
      "([a-z0-9][a-z0-9-]*)\\s*:\\s*(?:(negative)\\s+(\\S+)\\s+with\\s+(\\S+)"
          + "|(\\S+)\\s+near\\s+(\\S+)\\s+within\\s+(\\d{1,3}))\\s*->\\s*(\\S+)\\s+(\\S+)");

  private final String source;
  private final List<String> problems = new ArrayList<>();
  private final List<LexiconEntry> entries = new ArrayList<>();
  private final List<CombinationRule> rules = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private final NormalizedText scratch = new NormalizedText();
  private String id;
  private String language = "*";
  private EntryKind kind = EntryKind.TERM;
  private String label = Category.PROFANITY.id();
  private Severity severity = Severity.HIGH;
  private MatchMode match = MatchMode.WORD;
  private boolean languageOnly;
  private int line;

  private LexiconParser(String source) {
    this.source = source;
    String base = source.replaceAll(".*[/\\\\]", "").replaceFirst("\\.[^.]*$", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    this.id = base.isEmpty() ? "lexicon" : base;
  }

  static Lexicon parse(String text, String source) {
    LexiconParser p = new LexiconParser(source);
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      p.line = i + 1;
      String l = lines[i];
      if (i == 0 && l.startsWith("\uFEFF")) {
        l = l.substring(1);
      }
      p.line(l.strip());
    }
    if (!p.problems.isEmpty()) {
      throw new LexiconException(source, p.problems);
    }
    return new Lexicon(p.id, source, p.entries, p.rules, p.warnings);
  }

  private void problem(String message) {
    problems.add(source + ":" + line + ": " + message);
  }

  private void line(String l) {
    if (l.isEmpty() || l.startsWith("#")) {
      return;
    }
    if (l.startsWith("@")) {
      directive(l);
      return;
    }
    if (l.startsWith("\\")) {
      l = l.substring(1);
    }
    term(l);
  }

  private void directive(String l) {
    int sp = l.indexOf(' ');
    String name = (sp < 0 ? l.substring(1) : l.substring(1, sp)).toLowerCase(Locale.ROOT);
    String arg = sp < 0 ? "" : l.substring(sp + 1).strip();
    switch (name) {
      case "lexicon" -> {
        if (!NAME.matcher(arg).matches()) {
          problem("@lexicon needs an id of lower-case letters, digits and '-', got '" + arg + "'");
        } else if (!entries.isEmpty()) {
          problem("@lexicon must come before the first entry");
        } else {
          id = arg;
        }
      }
      case "language" -> {
        String v = arg.toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(v).matches()) {
          problem("@language needs an ISO 639-1 code such as 'en', or '*', got '" + arg + "'");
        } else {
          language = v;
        }
      }
      case "category" -> {
        if (!Category.isValidId(arg)) {
          problem("@category needs a category id such as 'sexual' or 'violence/graphic', got '" + arg + "'");
        } else {
          kind = EntryKind.TERM;
          label = arg;
        }
      }
      case "marker" -> {
        if (!NAME.matcher(arg).matches()) {
          problem("@marker needs a name of lower-case letters, digits and '-', got '" + arg + "'");
        } else {
          kind = EntryKind.MARKER;
          label = arg;
        }
      }
      case "allow" -> {
        if (!arg.isEmpty()) {
          problem("@allow takes no argument, got '" + arg + "'");
        }
        kind = EntryKind.ALLOW;
        label = "allow";
      }
      case "severity" -> {
        Severity s = severity(arg);
        if (s != null) {
          severity = s;
        }
      }
      case "match" -> {
        MatchMode m = match(arg);
        if (m != null) {
          match = m;
        }
      }
      case "language-only" -> {
        Boolean b = yesNo(arg, "@language-only");
        if (b != null) {
          languageOnly = b;
        }
      }
      case "rule" -> rule(arg);
      default -> problem("unknown directive '@" + name + "' (expected @lexicon, @language, "
          + "@category, @marker, @allow, @severity, @match, @language-only or @rule)");
    }
  }

  private Severity severity(String v) {
    try {
      return Severity.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem("severity must be low, medium, high or critical, got '" + v + "'");
      return null;
    }
  }

  private MatchMode match(String v) {
    try {
      return MatchMode.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem("match must be word, stem, prefix, suffix or infix, got '" + v + "'");
      return null;
    }
  }

  private Boolean yesNo(String v, String what) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on" -> true;
      case "no", "false", "off" -> false;
      default -> {
        problem(what + " must be yes or no, got '" + v + "'");
        yield null;
      }
    };
  }

  private void term(String l) {
    String[] parts = l.split(";");
    String term = parts[0].strip();
    Severity sev = kind == EntryKind.TERM ? severity : Severity.LOW;
    MatchMode mode = match;
    boolean only = languageOnly;
    String ruleId = null;
    int before = problems.size();
    for (int i = 1; i < parts.length; i++) {
      String kv = parts[i].strip();
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq).strip();
      String v = eq < 0 ? "" : kv.substring(eq + 1).strip();
      switch (k) {
        case "severity" -> sev = severity(v);
        case "match" -> mode = match(v);
        case "language-only" -> {
          Boolean b = yesNo(v, "language-only");
          only = b != null && b;
        }
        case "id" -> {
          if (!v.matches("[A-Za-z0-9][A-Za-z0-9._:/-]*")) {
            problem("id must be letters, digits and . _ : / -, got '" + v + "'");
          }
          ruleId = v;
        }
        default -> problem("unknown attribute '" + k
            + "' (expected severity, match, language-only or id)");
      }
    }
    if (term.isEmpty()) {
      problem("empty term before ';'");
      return;
    }
    if (term.length() > MAX_TERM_LENGTH) {
      problem("term is longer than " + MAX_TERM_LENGTH + " characters");
      return;
    }
    TextNormalizer.normalize(term, scratch);
    if (scratch.length() == 0) {
      // Emoji and punctuation-only terms of public lists: nothing a prompt could be matched on.
      warnings.add(source + ":" + line + ": term '" + term
          + "' has no letters or digits once normalised; skipped");
      return;
    }
    if (mode == MatchMode.STEM && term.strip().contains(" ")) {
      problem("match=stem needs a single word, got '" + term + "'");
      return;
    }
    if (only && language.equals("*")) {
      problem("language-only needs a @language other than '*'");
      return;
    }
    if (problems.size() > before) {
      return;
    }
    if (ruleId == null) {
      int n = counters.merge(label, 1, Integer::sum);
      ruleId = String.format(Locale.ROOT, "%s.%s.%04d", id, label, n);
    }
    entries.add(new LexiconEntry(ruleId, term, language, kind, label, sev, mode, only, line));
  }

  private void rule(String arg) {
    Matcher m = RULE.matcher(arg);
    if (!m.matches()) {
      problem("@rule must read 'NAME: A near B within N -> CATEGORY SEVERITY' or "
          + "'NAME: negative A with B -> CATEGORY SEVERITY', got '" + arg + "'");
      return;
    }
    boolean negative = m.group(2) != null;
    String first = negative ? m.group(3) : m.group(5);
    String second = negative ? m.group(4) : m.group(6);
    int window = negative ? 0 : Integer.parseInt(m.group(7));
    String cat = m.group(8);
    if (!Category.isValidId(cat)) {
      problem("@rule " + m.group(1) + ": '" + cat + "' is not a category id");
      return;
    }
    for (String n : new String[] {first, second}) {
      if (!Category.isValidId(n)) {
        problem("@rule " + m.group(1) + ": '" + n + "' is not a marker name or category id");
        return;
      }
    }
    Severity sev = severity(m.group(9));
    if (sev == null) {
      return;
    }
    rules.add(new CombinationRule(id + ".rule." + m.group(1), first, second, window, negative,
        Category.of(cat), sev));
  }
}
