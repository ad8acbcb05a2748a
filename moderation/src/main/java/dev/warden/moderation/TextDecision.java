package dev.warden.moderation;

import dev.warden.policy.decision.Decided;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.Reason;
import java.util.List;
import java.util.Objects;

/**
 * The decision on one text prompt: the policy's {@link Decision} (verdict, categories with
 * severity and score, findings, policy id and version) plus what is particular to text: the
 * language used and every match with its offsets in the caller's strings.
 *
 * @param decision the policy's decision over every stage's findings
 * @param language the ISO 639-1 code of the language used (a hint, a detection, or the script's
 *     language for Cyrillic, kana or Han text), or {@code und} when it was not needed or not known
 * @param matches every match, in the order found: lexicon terms and combination rules
 * @param limits the processing limits that applied, if any
 */
public record TextDecision(
    Decision decision, String language, List<TextMatch> matches, List<Reason.Limit> limits)
    implements Decided {

  public TextDecision {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(language, "language");
    matches = List.copyOf(matches);
    limits = List.copyOf(limits);
  }
}
