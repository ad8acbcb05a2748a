package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.decision.EvidenceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For every term of every built-in lexicon, every obfuscation still matches it, with the span of
 * exactly the obfuscated term in the original text.
 */
class ObfuscationRecallTest {

  private static final String BEFORE = "look at this ";
  private static final String AFTER = " right now";

  @ParameterizedTest(name = "{0}")
  @EnumSource(Obfuscation.class)
  void everyBuiltInTermSurvivesTheObfuscationWithItsExactSpan(Obfuscation obfuscation) {
    List<String> missed = new ArrayList<>();
    int tried = 0;
    int changed = 0;
    for (long seed : new long[] {1L, 2L, 3L}) {
      Random random = new Random(seed * 31 + obfuscation.ordinal());
      for (Lexicon lexicon : Lexicon.builtIn()) {
        for (LexiconEntry e : lexicon.entries()) {
          if (e.kind() != EntryKind.TERM || skip(obfuscation, e)) {
            continue;
          }
          String obfuscated = obfuscation.apply(e.term(), random);
          tried++;
          changed += obfuscated.equals(e.term()) ? 0 : 1;
          TextPrompt prompt = TextPrompt.of(BEFORE + obfuscated + AFTER);
          if (!e.language().equals("*")) {
            prompt = prompt.withLanguage(e.language());
          }
          EvidenceSpan expected = new EvidenceSpan(BEFORE.length(), BEFORE.length() + obfuscated.length());
          TextDecision d = Engines.DEFAULT.moderate(prompt);
          boolean found = d.matches().stream().anyMatch(m -> m.span().equals(expected)
              && m.category().id().equals(e.label()));
          if (!found) {
            missed.add(e.ruleId() + " '" + e.term() + "' as '" + obfuscated + "' -> " + d.matches());
          }
        }
      }
    }
    assertThat(tried).isGreaterThan(1000);
    assertThat(changed).as("the transform changed terms").isGreaterThan(tried / 3);
    assertThat(missed).isEmpty();
  }

  /**
   * Terms that already contain digits or punctuation ("rule34", "pr0n", "wet t-shirt") are left out
   * of leetspeak and of the letter-separating transforms: the transforms rewrite runs of letters,
   * so the term's own digits and separators would merge with the ones the transform adds.
   */
  private static boolean skip(Obfuscation o, LexiconEntry e) {
    boolean separating = switch (o) {
      case LEETSPEAK, SPACED, DOTTED, HYPHENATED, UNDERSCORED, STARRED -> true;
      default -> false;
    };
    return separating && e.term().chars().anyMatch(c -> !Character.isLetter(c) && c != ' ');
  }
}
