package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policy.ContentRule;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.EnforcementStep;
import dev.warden.policy.Policy;
import dev.warden.policy.RetentionRule;
import dev.warden.policy.decision.Severity;
import java.io.PrintWriter;
import java.util.Locale;

/** Summarises the embedded default policy. */
final class PolicyDemo implements DemoSection {

  private final Policy p;

  PolicyDemo(Policy p) {
    this.p = p;
  }

  @Override
  public String name() {
    return "policy";
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public void printText(PrintWriter out) {
    out.printf("Policy %s, effective %s, contact %s%n", p.ref(), p.effectiveDate(), p.contact().email());
    out.println();
    out.println("Cookie categories:");
    out.printf("  %-16s %-12s %-9s %-8s %-10s %s%n", "id", "class", "consent", "default", "lifetime", "opt-out");
    for (CookieCategory c : p.cookieCategories()) {
      out.printf("  %-16s %-12s %-9s %-8s %-10s %s%n", c.id(), lower(c.cookieClass()),
          c.consentRequired() ? "required" : "no", lower(c.defaultState()),
          c.maxLifetime().map(Object::toString).orElse("session"),
          c.optOutSignals().stream().map(PolicyDemo::lower).sorted().toList());
    }
    out.println();
    out.println("Retention:");
    for (RetentionRule r : p.retention()) {
      out.printf("  %-20s %-6s from %-18s exemptions %s%n", r.dataCategory(), r.period(), lower(r.from()),
          r.exemptions().stream().map(e -> lower(e.reason()) + e.maxPeriod().map(x -> " " + x).orElse("")).toList());
    }
    out.println();
    out.println("Content rules (low / medium / high / critical):");
    for (ContentRule r : p.contentRules()) {
      StringBuilder sb = new StringBuilder();
      for (Severity s : Severity.values()) {
        sb.append(sb.length() == 0 ? "" : " / ").append(lower(r.actionFor(s)));
      }
      out.printf("  %-18s %s%n", r.category(), sb);
    }
    out.println();
    out.print("Enforcement within " + p.enforcement().window() + ":");
    for (EnforcementStep s : p.enforcement().steps()) {
      out.print(" " + s.violations() + " -> " + lower(s.action()) + s.duration().map(d -> " " + d).orElse("") + ";");
    }
    out.println(" zero tolerance: " + p.enforcement().zeroTolerance());
    out.println("Consent is asked again after " + p.consent().validity()
        + (p.consent().renewOnMaterialChange() ? " and after a material policy change" : ""));
    out.println("Data-subject requests answered within " + p.dataSubjectRights().responseTime()
        + " (extendable by " + p.dataSubjectRights().maxExtension() + ")");
  }

  @Override
  public JsonNode toJson() {
    ObjectNode o = Output.object();
    o.put("id", p.id());
    o.put("version", p.version());
    o.put("effectiveDate", p.effectiveDate().toString());
    ArrayNode cookies = o.putArray("cookieCategories");
    for (CookieCategory c : p.cookieCategories()) {
      cookies.addObject().put("id", c.id()).put("class", lower(c.cookieClass()))
          .put("consentRequired", c.consentRequired())
          .put("maxLifetime", c.maxLifetime().map(Object::toString).orElse("session"));
    }
    ArrayNode retention = o.putArray("retention");
    for (RetentionRule r : p.retention()) {
      retention.addObject().put("dataCategory", r.dataCategory()).put("period", r.period().toString())
          .put("from", lower(r.from()));
    }
    ArrayNode rules = o.putArray("contentRules");
    for (ContentRule r : p.contentRules()) {
      ObjectNode ro = rules.addObject().put("category", r.category().id());
      for (Severity s : Severity.values()) {
        ro.put(lower(s), lower(r.actionFor(s)));
      }
    }
    return o;
  }
}
