package dev.warden.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermAutomatonTest {

  private static List<String> scan(TermAutomaton a, String text, List<String> patterns) {
    List<String> out = new ArrayList<>();
    a.scan(text.toCharArray(), 0, text.length(), (p, end) -> out.add(patterns.get(p) + "@" + end));
    return out;
  }

  @Test
  void reportsEveryOccurrenceIncludingOverlapsAndNestedPatterns() {
    List<String> patterns = List.of("he", "she", "his", "hers", "色情", "情");
    TermAutomaton a = TermAutomaton.compile(patterns.stream().map(String::toCharArray).toList());
    assertThat(scan(a, "ushers 色情片", patterns))
        .containsExactly("she@4", "he@4", "hers@6", "色情@9", "情@9");
  }

  @Test
  void emptyPatternsAreRefusedWithTheirIndex() {
    assertThatThrownBy(() -> TermAutomaton.compile(List.of("a".toCharArray(), new char[0])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern 1");
  }

  @Test
  void agreesWithANaiveSearchOnRandomPatternsAndTexts() {
    Random random = new Random(42);
    String alphabet = "abcab色情ガキ\uE001";
    for (int round = 0; round < 200; round++) {
      List<String> patterns = new ArrayList<>();
      int count = 1 + random.nextInt(30);
      for (int i = 0; i < count; i++) {
        patterns.add(randomString(random, alphabet, 1 + random.nextInt(5)));
      }
      TermAutomaton a = TermAutomaton.compile(patterns.stream().map(String::toCharArray).toList());
      String text = randomString(random, alphabet + "xyz", random.nextInt(80));
      List<String> expected = new ArrayList<>();
      for (int end = 1; end <= text.length(); end++) {
        for (int p = 0; p < patterns.size(); p++) {
          String pat = patterns.get(p);
          if (end >= pat.length() && text.startsWith(pat, end - pat.length())) {
            expected.add(pat + "@" + end);
          }
        }
      }
      assertThat(scan(a, text, patterns)).as("patterns %s text %s", patterns, text)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static String randomString(Random random, String alphabet, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
