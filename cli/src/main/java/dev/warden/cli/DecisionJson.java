package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.PromptField;
import dev.warden.moderation.TextDecision;
import dev.warden.moderation.TextMatch;
import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Reason;
import java.util.Locale;

/** The JSON form of a text decision, as {@code warden moderate} writes it. */
final class DecisionJson {

  private DecisionJson() {}

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static ObjectNode of(TextDecision d) {
    ObjectNode o = Output.object();
    o.put("verdict", d.verdict().name());
    ArrayNode cats = o.putArray("categories");
    for (CategoryScore c : d.categories()) {
      cats.addObject().put("id", c.category().id()).put("severity", lower(c.severity()))
          .put("score", c.score()).put("action", lower(c.action()));
    }
    ArrayNode matches = o.putArray("matches");
    for (TextMatch m : d.matches()) {
      ObjectNode mo = matches.addObject().put("start", m.start()).put("end", m.end())
          .put("category", m.category().id()).put("rule", m.ruleId());
      if (m.field() == PromptField.NEGATIVE_PROMPT) {
        mo.put("field", "negativePrompt");
      }
    }
    ArrayNode models = null;
    for (dev.warden.policy.decision.Finding f : d.findings()) {
      if (f.reason() instanceof Reason.Model m) {
        if (models == null) {
          models = o.putArray("models");
        }
        models.addObject().put("head", m.modelId()).put("category", f.category().id())
            .put("score", Math.round(m.score() * 10_000) / 10_000.0).put("threshold", m.threshold());
      }
    }
    o.put("language", d.language());
    o.put("reportRequired", d.reportRequired());
    o.putObject("policy").put("id", d.policy().id()).put("version", d.policy().version());
    if (!d.limits().isEmpty()) {
      ArrayNode limits = o.putArray("limits");
      for (Reason.Limit l : d.limits()) {
        limits.addObject().put("limit", l.limit()).put("detail", l.detail());
      }
    }
    return o;
  }
}
