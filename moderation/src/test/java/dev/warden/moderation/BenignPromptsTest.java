package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.decision.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harmless prompts and words written for Warden (the Scunthorpe family among them), kept as a
 * CSV file with a label column so that {@code warden eval prompts} measures them too.
 */
class BenignPromptsTest {

  static List<String> benignPrompts() throws IOException {
    try (InputStream in = BenignPromptsTest.class.getResourceAsStream("benign-prompts.csv")) {
      List<String> out = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      assertThat(lines[0]).isEqualTo("\"prompt\",\"label\"");
      for (int i = 1; i < lines.length; i++) {
        // Every field is quoted: "prompt","0", with quotes inside doubled.
        String line = lines[i];
        assertThat(line).as("line %d", i + 1).startsWith("\"").endsWith("\",\"0\"");
        out.add(line.substring(1, line.length() - 5).replace("\"\"", "\""));
      }
      return out;
    }
  }

  @Test
  void thereAreAtLeastThreeHundredHarmlessPrompts() throws IOException {
    assertThat(benignPrompts()).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
  }

  @Test
  void everyHarmlessPromptIsAllowed() throws IOException {
    List<String> refused = new ArrayList<>();
    for (String p : benignPrompts()) {
      TextDecision d = Engines.DEFAULT.moderate(TextPrompt.of(p));
      if (d.verdict() != Verdict.ALLOW) {
        refused.add(p + " -> " + d.verdict() + " " + d.matches().stream()
            .map(m -> m.ruleId() + " '" + p.substring(m.start(), m.end()) + "'").toList());
      }
    }
    assertThat(refused).isEmpty();
  }

  @Test
  void harmlessPromptsStayAllowedWhenTheirLanguageIsDetected() throws IOException {
    ModerationEngine detecting = ModerationEngine.builder()
        .languageDetection(LanguageDetection.ALWAYS).build();
    List<String> refused = new ArrayList<>();
    for (String p : benignPrompts()) {
      if (detecting.moderate(TextPrompt.of(p)).verdict() != Verdict.ALLOW) {
        refused.add(p);
      }
    }
    assertThat(refused).isEmpty();
  }
}
