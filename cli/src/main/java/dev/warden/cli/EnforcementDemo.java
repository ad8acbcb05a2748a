package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.moderation.enforcement.EnforcementLedger;
import dev.warden.moderation.enforcement.EnforcementOutcome;
import dev.warden.moderation.enforcement.EnforcementStore;
import dev.warden.moderation.enforcement.EvidenceHash;
import dev.warden.moderation.enforcement.Report;
import dev.warden.moderation.enforcement.Violation;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The policy's enforcement ladder on a few simulated violations, a day apart, on a fixed clock. */
final class EnforcementDemo implements DemoSection {

  private record Step(String day, Pseudonym account, Category category, EnforcementOutcome outcome) {}

  private final List<Step> steps = new ArrayList<>();
  private final List<Report> reports = new CopyOnWriteArrayList<>();

  EnforcementDemo(Policy policy) {
    Instant start = Instant.parse("2026-03-01T09:00:00Z");
    EnforcementLedger ledger = EnforcementLedger.builder().policy(policy).store(EnforcementStore.inMemory())
        .reportSink(reports::add).clock(Clock.fixed(start, ZoneOffset.UTC)).build();
    Pseudonym repeat = Pseudonym.of("ps_demo_repeat");
    for (int day = 0; day < 4; day++) {
      ledger = ledger.toBuilder().clock(Clock.fixed(start.plus(Duration.ofDays(day)), ZoneOffset.UTC)).build();
      steps.add(new Step("day " + (day + 1), repeat, Category.SEXUAL, ledger.record(repeat,
          new Violation(Category.SEXUAL, Severity.HIGH, EvidenceHash.ofText("simulated prompt " + day), false))));
    }
    Pseudonym zero = Pseudonym.of("ps_demo_zero");
    steps.add(new Step("day 4", zero, Category.SEXUAL_MINORS, ledger.record(zero,
        new Violation(Category.SEXUAL_MINORS, Severity.CRITICAL, EvidenceHash.ofText("simulated image bytes"), false))));
  }

  @Override
  public String name() {
    return "enforcement";
  }

  @Override
  public void printText(PrintWriter out) {
    out.println("Simulated violations under the policy's ladder (in-memory store, fixed clock):");
    for (Step s : steps) {
      EnforcementOutcome o = s.outcome();
      out.printf("  %-6s %-15s %-14s #%d -> %-9s %s%s%n", s.day(), s.account(), s.category(), o.violationsInWindow(),
          o.action().map(ImageCommand::lower).orElse("none"), ImageCommand.lower(o.standing()),
          o.suspendedUntil().map(u -> " until " + u).orElse(""));
    }
    for (Report r : reports) {
      out.println("  report: " + r.account() + " " + r.category() + " (" + r.reason() + "), evidence "
          + r.evidence() + ", policy " + r.policy());
    }
  }

  @Override
  public JsonNode toJson() {
    ArrayNode a = Output.JSON.createArrayNode();
    for (Step s : steps) {
      EnforcementOutcome o = s.outcome();
      a.addObject().put("account", s.account().value()).put("category", s.category().id())
          .put("violations", o.violationsInWindow())
          .put("action", o.action().map(ImageCommand::lower).orElse("none"))
          .put("standing", ImageCommand.lower(o.standing()))
          .put("suspendedUntil", o.suspendedUntil().map(Instant::toString).orElse(null))
          .put("reportedEvidenceSha256", o.report().map(r -> r.evidence().sha256()).orElse(null));
    }
    return a;
  }
}
