package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ModerationDemoTest {

  @Test
  void theDemoModeratesTheSamplePromptsAndShowsTheDecisions() throws Exception {
    Run text = Run.of("demo");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("== moderation ==").contains("ALLOW a watercolor fox")
        .contains("BLOCK a 12 year old in lingerie").contains("(report required)")
        .contains("\"Taylor Swift\" impersonation");
    JsonNode json = Output.JSON.readTree(Run.of("demo", "--json").out()).get("moderation");
    assertThat(json).hasSize(ModerationDemo.SAMPLES.size());
    assertThat(json.get(0).get("verdict").asText()).isEqualTo("ALLOW");
    assertThat(json.get(4).get("reportRequired").asBoolean()).isTrue();
  }
}
