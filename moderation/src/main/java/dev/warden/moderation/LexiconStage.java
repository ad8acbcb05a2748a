package dev.warden.moderation;

import dev.warden.moderation.internal.NormalizedText;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.EvidenceSpan;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in rule stage: one scan of the normalised prompt over every lexicon, then allow-list
 * suppression, language-only terms, and combination rules. Thread-safe: per-call state lives in a
 * per-thread {@link MatchCollector}.
 */
final class LexiconStage implements TextStage {

  static final String NAME = "lexicon-rules";
  /** How many matches of each side a combination rule looks at. */
  private static final int RULE_CANDIDATES = 256;

  private static final ThreadLocal<MatchCollector[]> SCRATCH =
      ThreadLocal.withInitial(() -> new MatchCollector[] {new MatchCollector(), new MatchCollector()});

  private final CompiledLexicons lex;
  private final int maxInputLength;
  private final int maxMatches;

  LexiconStage(CompiledLexicons lex, int maxInputLength, int maxMatches) {
    this.lex = lex;
    this.maxInputLength = maxInputLength;
    this.maxMatches = maxMatches;
  }

  CompiledLexicons lexicons() {
    return lex;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageResult apply(TextPrompt prompt, TextContext context) {
    MatchCollector[] scratch = SCRATCH.get();
    MatchCollector c = scratch[0];
    c.collect(prompt.prompt(), maxInputLength, lex);
    if (c.count == 0 && !c.overflow) {
      return StageResult.EMPTY; // most prompts: nothing matched, nothing to build
    }
    c.suppressAllowed();
    // Language-only terms decide now; language-only markers only if a rule needs them (below),
    // so that "kind" in an English prompt costs no language detection.
    for (int i = 0; i < c.count; i++) {
      int ent = c.entry[i];
      if (ent >= 0 && lex.entries[ent].languageOnly() && lex.entries[ent].kind() == EntryKind.TERM
          && !lex.entries[ent].language().equals(context.language())) {
        c.entry[i] = MatchCollector.SUPPRESSED;
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<TextMatch> matches = new ArrayList<>();
    List<Reason.Limit> limits = new ArrayList<>();
    Map<Category, Severity> included = new HashMap<>();
    NormalizedText t = c.text;
    for (int i = 0; i < c.count; i++) {
      int ent = c.entry[i];
      if (ent < 0 || lex.entries[ent].kind() != EntryKind.TERM) {
        continue;
      }
      LexiconEntry e = lex.entries[ent];
      Category cat = lex.category[ent];
      Severity sev = e.severity();
      if (duplicate(c, i, cat, sev)) {
        continue; // the same word in several lexicons ("sexy" in seven languages)
      }
      Severity seen = included.get(cat);
      if (matches.size() >= maxMatches && seen != null && seen.compareTo(sev) >= 0) {
        continue; // over the reporting limit, and nothing new for the decision
      }
      EvidenceSpan span = span(t, c.start[i], c.end[i]);
      findings.add(Finding.of(cat, sev, 1.0, new Reason.Rule(e.ruleId(), detail(e)), span));
      matches.add(new TextMatch(span, cat, sev, e.ruleId(), PromptField.PROMPT));
      included.merge(cat, sev, Severity::max);
    }
    boolean markersGated = false;
    for (CombinationRule r : lex.rules) {
      if (!anySelected(r.second(), c) || !r.negativePrompt() && !anySelected(r.first(), c)) {
        continue; // cannot fire: no need to settle language-only markers
      }
      if (!markersGated) {
        gateMarkers(c, context);
        markersGated = true;
      }
      if (r.negativePrompt()) {
        negativeRule(r, prompt, c, scratch[1], findings, matches);
      } else {
        nearRule(r, c, findings, matches);
      }
    }
    if (c.overflow || scratch[1].overflow || matches.size() > maxMatches) {
      limits.add(new Reason.Limit("max-matches",
          "more than " + maxMatches + " matches; the decision covers every category found"));
    }
    return new StageResult(findings,
        matches.size() > maxMatches ? matches.subList(0, maxMatches) : matches, limits);
  }

  private boolean anySelected(String name, MatchCollector c) {
    for (int i = 0; i < c.count; i++) {
      if (selects(name, c.entry[i])) {
        return true;
      }
    }
    return false;
  }

  private void gateMarkers(MatchCollector c, TextContext context) {
    for (int i = 0; i < c.count; i++) {
      int ent = c.entry[i];
      if (ent >= 0 && lex.entries[ent].languageOnly() && lex.entries[ent].kind() == EntryKind.MARKER
          && !lex.entries[ent].language().equals(context.language())) {
        c.entry[i] = MatchCollector.SUPPRESSED;
      }
    }
  }

  /** Whether an earlier match ending at the same place covers the same span, category, severity. */
  private boolean duplicate(MatchCollector c, int i, Category cat, Severity sev) {
    for (int j = i - 1; j >= 0 && c.end[j] == c.end[i]; j--) {
      int other = c.entry[j];
      if (other >= 0 && c.start[j] == c.start[i] && lex.entries[other].kind() == EntryKind.TERM
          && cat.equals(lex.category[other]) && sev.compareTo(lex.entries[other].severity()) <= 0) {
        return true;
      }
    }
    return false;
  }

  private static String detail(LexiconEntry e) {
    return e.label() + " term (" + e.language() + ", " + e.match().name().toLowerCase(Locale.ROOT) + ")";
  }

  static EvidenceSpan span(NormalizedText t, int s, int e) {
    return new EvidenceSpan(t.sourceStart(s), t.sourceEnd(e - 1));
  }

  private boolean selects(String name, int ent) {
    if (ent == MatchCollector.AGE) {
      return name.equals(CompiledLexicons.MINOR_MARKER);
    }
    if (ent < 0) {
      return false;
    }
    LexiconEntry e = lex.entries[ent];
    if (e.kind() == EntryKind.MARKER) {
      return e.label().equals(name);
    }
    if (e.kind() == EntryKind.TERM) {
      Category cat = lex.category[ent];
      return cat.id().equals(name) || cat.parent().id().equals(name);
    }
    return false;
  }

  private void nearRule(CombinationRule r, MatchCollector c, List<Finding> findings, List<TextMatch> matches) {
    int bestA = -1;
    int bestB = -1;
    int bestDistance = Integer.MAX_VALUE;
    int seenA = 0;
    for (int a = 0; a < c.count && seenA < RULE_CANDIDATES; a++) {
      if (!selects(r.first(), c.entry[a])) {
        continue;
      }
      seenA++;
      int wa = c.text.wordIndex(c.start[a]);
      int seenB = 0;
      for (int b = 0; b < c.count && seenB < RULE_CANDIDATES; b++) {
        if (b == a || !selects(r.second(), c.entry[b])) {
          continue;
        }
        seenB++;
        int d = Math.abs(c.text.wordIndex(c.start[b]) - wa);
        if (d <= r.window() && d < bestDistance) {
          bestDistance = d;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0) {
      return;
    }
    EvidenceSpan sa = span(c.text, c.start[bestA], c.end[bestA]);
    EvidenceSpan sb = span(c.text, c.start[bestB], c.end[bestB]);
    List<EvidenceSpan> evidence = sa.start() <= sb.start() ? List.of(sa, sb) : List.of(sb, sa);
    findings.add(new Finding(r.category(), r.severity(), 1.0, new Reason.Rule(r.ruleId(),
        r.first() + " near " + r.second() + " within " + r.window() + " words"), evidence));
    for (EvidenceSpan s : evidence) {
      matches.add(new TextMatch(s, r.category(), r.severity(), r.ruleId(), PromptField.PROMPT));
    }
  }

  private void negativeRule(CombinationRule r, TextPrompt prompt, MatchCollector c,
      MatchCollector negative, List<Finding> findings, List<TextMatch> matches) {
    if (prompt.negativePrompt().isEmpty()) {
      return;
    }
    int b = -1;
    for (int i = 0; i < c.count && b < 0; i++) {
      if (selects(r.second(), c.entry[i])) {
        b = i;
      }
    }
    if (b < 0) {
      return;
    }
    negative.collect(prompt.negativePrompt().get(), maxInputLength, lex);
    negative.suppressAllowed();
    for (int i = 0; i < negative.count; i++) {
      if (selects(r.first(), negative.entry[i])) {
        EvidenceSpan inPrompt = span(c.text, c.start[b], c.end[b]);
        findings.add(Finding.of(r.category(), r.severity(), 1.0, new Reason.Rule(r.ruleId(),
            r.first() + " in the negative prompt with " + r.second() + " in the prompt"), inPrompt));
        matches.add(new TextMatch(inPrompt, r.category(), r.severity(), r.ruleId(), PromptField.PROMPT));
        matches.add(new TextMatch(span(negative.text, negative.start[i], negative.end[i]),
            r.category(), r.severity(), r.ruleId(), PromptField.NEGATIVE_PROMPT));
        return;
      }
    }
  }
}
