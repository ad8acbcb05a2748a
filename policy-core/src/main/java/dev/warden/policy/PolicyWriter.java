package dev.warden.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Writes a policy as JSON in the format {@link PolicyReader} reads, fields in documented order. */
final class PolicyWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private PolicyWriter() {}

  static String write(Policy p) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      g.setPrettyPrinter(pretty);
      policy(g, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void policy(JsonGenerator g, Policy p) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeStringField("version", p.version());
    g.writeStringField("effectiveDate", p.effectiveDate().toString());
    g.writeObjectFieldStart("contact");
    g.writeStringField("name", p.contact().name());
    g.writeStringField("email", p.contact().email());
    optional(g, "url", p.contact().url());
    g.writeEndObject();

    g.writeArrayFieldStart("dataCategories");
    for (DataCategory c : p.dataCategories()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("description", c.description());
      g.writeBooleanField("personal", c.personal());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayFieldStart("recipients");
    for (Recipient r : p.recipients()) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("name", r.name());
      g.writeBooleanField("thirdParty", r.thirdParty());
      optional(g, "country", r.country());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayFieldStart("purposes");
    for (Purpose u : p.purposes()) {
      g.writeStartObject();
      g.writeStringField("id", u.id());
      g.writeStringField("description", u.description());
      g.writeStringField("legalBasis", JsonNames.of(u.legalBasis()));
      strings(g, "dataCategories", u.dataCategories());
      strings(g, "recipients", u.recipients());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayFieldStart("cookieCategories");
    for (CookieCategory c : p.cookieCategories()) {
      cookieCategory(g, c);
    }
    g.writeEndArray();

    g.writeArrayFieldStart("retention");
    for (RetentionRule r : p.retention()) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("dataCategory", r.dataCategory());
      g.writeStringField("period", r.period().toString());
      g.writeStringField("from", JsonNames.of(r.from()));
      g.writeArrayFieldStart("exemptions");
      for (RetentionExemption e : r.exemptions()) {
        g.writeStartObject();
        g.writeStringField("reason", JsonNames.of(e.reason()));
        optional(g, "maxPeriod", e.maxPeriod().map(Object::toString));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayFieldStart("contentRules");
    for (ContentRule r : p.contentRules()) {
      g.writeStartObject();
      g.writeStringField("category", r.category().id());
      g.writeObjectFieldStart("actions");
      for (Severity s : Severity.values()) {
        g.writeStringField(JsonNames.of(s), JsonNames.of(r.actionFor(s)));
      }
      g.writeEndObject();
      g.writeNumberField("threshold", r.threshold());
      g.writeEndObject();
    }
    g.writeEndArray();

    EnforcementLadder e = p.enforcement();
    g.writeObjectFieldStart("enforcement");
    g.writeStringField("window", e.window().toString());
    g.writeArrayFieldStart("steps");
    for (EnforcementStep s : e.steps()) {
      g.writeStartObject();
      g.writeNumberField("violations", s.violations());
      g.writeStringField("action", JsonNames.of(s.action()));
      optional(g, "duration", s.duration().map(Object::toString));
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "zeroTolerance", e.zeroTolerance().stream().sorted().map(Category::id).toList());
    g.writeEndObject();

    g.writeObjectFieldStart("consent");
    g.writeStringField("validity", p.consent().validity().toString());
    g.writeBooleanField("renewOnMaterialChange", p.consent().renewOnMaterialChange());
    g.writeEndObject();

    DataSubjectRights d = p.dataSubjectRights();
    g.writeObjectFieldStart("dataSubjectRights");
    g.writeStringField("responseTime", d.responseTime().toString());
    g.writeStringField("maxExtension", d.maxExtension().toString());
    enums(g, "rights", d.rights());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void cookieCategory(JsonGenerator g, CookieCategory c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("class", JsonNames.of(c.cookieClass()));
    g.writeStringField("description", c.description());
    strings(g, "purposes", c.purposes());
    g.writeBooleanField("consentRequired", c.consentRequired());
    g.writeStringField("defaultState", JsonNames.of(c.defaultState()));
    optional(g, "maxLifetime", c.maxLifetime().map(Object::toString));
    enums(g, "optOutSignals", c.optOutSignals());
    g.writeArrayFieldStart("cookies");
    for (CookieDeclaration d : c.cookies()) {
      g.writeStartObject();
      g.writeStringField("name", d.name());
      g.writeStringField("match", JsonNames.of(d.match()));
      optional(g, "domain", d.domain());
      optional(g, "description", d.description());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void enums(JsonGenerator g, String name, Collection<? extends Enum<?>> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Enum<?> v : values.stream().sorted(java.util.Comparator.comparingInt(Enum::ordinal)).toList()) {
      g.writeString(JsonNames.of(v));
    }
    g.writeEndArray();
  }
}
