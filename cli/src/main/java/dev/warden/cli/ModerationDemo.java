package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.PromptField;
import dev.warden.moderation.TextDecision;
import dev.warden.moderation.TextMatch;
import dev.warden.moderation.TextPrompt;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.CategoryScore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Moderates a handful of built-in sample prompts and shows the decisions. */
final class ModerationDemo implements DemoSection {

  /** Samples written for the demo: harmless look-alikes, obfuscations, rules, languages. */
  static final List<TextPrompt> SAMPLES = List.of(
      TextPrompt.of("a watercolor fox in a misty forest at dawn"),
      TextPrompt.of("cocktails at sunset by the Scunthorpe canal, chicken breast on the grill"),
      TextPrompt.of("a portrait of a woman in a garden").withNegativePrompt("nsfw, nude, lowres"),
      TextPrompt.of("a n\u200Bu\u200Bd\u200Be woman, s3xy pose, ｐｏｒｎ style"),
      TextPrompt.of("a 12 year old in lingerie"),
      TextPrompt.of("Taylor Swift t.o.p.l.e.s.s"),
      TextPrompt.of("Trump in handcuffs"),
      TextPrompt.of("голая девушка на пляже"),
      TextPrompt.of("une grosse bite dans la bouche, c'est dégoûtant"),
      TextPrompt.of("a beheaded soldier, gore everywhere"));

  private final ModerationEngine engine;

  ModerationDemo(Policy policy) {
    this.engine = ModerationEngine.builder().policy(policy).build();
  }

  @Override
  public String name() {
    return "moderation";
  }

  private List<TextDecision> run() {
    return engine.moderateAll(SAMPLES);
  }

  private static String show(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (Character.getType(c) == Character.FORMAT) {
        sb.append(String.format("<U+%04X>", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  @Override
  public void printText(PrintWriter out) {
    out.println("Text prompts, with the built-in lexicons (" + engine.lexicons().size() + " lexicons, "
        + engine.compiledLexiconBytes() / 1024 + " KiB compiled):");
    List<TextDecision> ds = run();
    for (int i = 0; i < SAMPLES.size(); i++) {
      TextPrompt p = SAMPLES.get(i);
      TextDecision d = ds.get(i);
      out.printf("  %-5s %s%s%n", d.verdict(), show(p.prompt()),
          p.negativePrompt().map(n -> "   [negative: " + n + "]").orElse(""));
      List<String> cats = new ArrayList<>();
      for (CategoryScore c : d.categories()) {
        cats.add(c.category() + " " + DecisionJson.lower(c.severity()) + " -> " + DecisionJson.lower(c.action()));
      }
      if (!cats.isEmpty()) {
        out.println("        categories: " + String.join(", ", cats)
            + (d.reportRequired() ? " (report required)" : ""));
      }
      for (TextMatch m : d.matches()) {
        String source = m.field() == PromptField.PROMPT ? p.prompt() : p.negativePrompt().orElseThrow();
        out.printf("        %s [%d,%d) \"%s\" %s%s%n", m.ruleId(), m.start(), m.end(),
            show(source.substring(m.start(), m.end())), m.category(),
            m.field() == PromptField.NEGATIVE_PROMPT ? " (negative prompt)" : "");
      }
      if (!d.language().equals("und")) {
        out.println("        language: " + d.language());
      }
    }
  }

  @Override
  public JsonNode toJson() {
    ArrayNode a = Output.JSON.createArrayNode();
    List<TextDecision> ds = run();
    for (int i = 0; i < SAMPLES.size(); i++) {
      ObjectNode o = DecisionJson.of(ds.get(i));
      o.put("prompt", SAMPLES.get(i).prompt());
      SAMPLES.get(i).negativePrompt().ifPresent(n -> o.put("negativePrompt", n));
      a.add(o);
    }
    return a;
  }
}
