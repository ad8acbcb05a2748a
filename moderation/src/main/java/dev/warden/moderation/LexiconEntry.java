package dev.warden.moderation;

import dev.warden.policy.decision.Severity;
import java.util.Objects;

/**
 * One line of a lexicon: a term, what it means, and how it must match.
 *
 * @param ruleId the identifier reported when the entry matches, for example {@code en.sexual.0042}
 * @param term the term as written in the lexicon (normalised the same way as prompts)
 * @param language the ISO 639-1 code of the term's language, or {@code *} for any language
 * @param kind a content term, a marker for combination rules, or an allow-list entry
 * @param label the category id for a term, the marker name for a marker, {@code allow} otherwise
 * @param severity how serious a match is (terms only; markers and allow entries carry LOW)
 * @param match how the term must sit in the text
 * @param languageOnly whether a match counts only when the prompt is in {@code language}: for
 *     words that are harmless in other languages (French "bite", German "Kind")
 * @param line the line of the lexicon source that defined the entry (1-based)
 */
public record LexiconEntry(
    String ruleId,
    String term,
    String language,
    EntryKind kind,
    String label,
    Severity severity,
    MatchMode match,
    boolean languageOnly,
    int line) {

  public LexiconEntry {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(match, "match");
  }
}
