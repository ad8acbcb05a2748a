package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's "Embed it" example true: the same code runs here, and the README must show it. */
class ReadmeExampleTest {

  // The README's example, line for line; only the two paths are the test's own below.
  private static final String EXAMPLE = """
      Policy policy = Policy.load(Path.of("policy.json"));          // or Policy.defaultPolicy()
      PolicyDiff diff = PolicyDiff.between(Policy.defaultPolicy(), policy);
      if (diff.isMaterial()) {
        // ask for consent again
      }
      try (AuditJournal audit = AuditJournal.builder(Path.of("audit")).open()) {
        Decision d = policy.decide(List.of(Finding.of(Category.SEXUAL, Severity.HIGH, 1.0,
            new Reason.Rule("host.rule-1", "host rule"))));
        audit.append("moderation.decided", Pseudonym.of("ps_7Qx2"), Map.of("verdict", d.verdict()));
      }
      """;

  @Test
  void theReadmeShowsTheExampleThisTestRuns() throws IOException {
    Path readme = Path.of("..", "README.md");
    assumeTrue(Files.isRegularFile(readme), "README.md is not next to the module (run from the repository)");
    String text = Files.readString(readme);
    int start = text.indexOf("```java\n", text.indexOf("## Embed it"));
    int end = text.indexOf("```", start + 8);
    assertThat(text.substring(start + 8, end).strip()).isEqualTo(EXAMPLE.strip());
  }

  @Test
  void theExampleRunsAndRecordsItsDecision(@TempDir Path dir) throws IOException {
    Path policyFile = dir.resolve("policy.json");
    Files.writeString(policyFile, Policy.defaultPolicyJson());
    Policy policy = Policy.load(policyFile);
    PolicyDiff diff = PolicyDiff.between(Policy.defaultPolicy(), policy);
    assertThat(diff.isMaterial()).isFalse();
    try (AuditJournal audit = AuditJournal.builder(dir.resolve("audit")).open()) {
      Decision d = policy.decide(List.of(Finding.of(Category.SEXUAL, Severity.HIGH, 1.0,
          new Reason.Rule("host.rule-1", "host rule"))));
      audit.append("moderation.decided", Pseudonym.of("ps_7Qx2"), Map.of("verdict", d.verdict()));
      assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(audit.lastSequence()).isEqualTo(1);
      assertThat(audit.verify().ok()).isTrue();
    }
  }
}
