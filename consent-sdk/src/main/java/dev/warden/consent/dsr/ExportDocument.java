package dev.warden.consent.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.consent.internal.Json;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.policy.DataCategory;
import dev.warden.policy.Policy;
import dev.warden.policy.Purpose;
import dev.warden.policy.Recipient;
import dev.warden.policy.RetentionExemption;
import dev.warden.policy.RetentionRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer to an access or export request (GDPR Art. 15 and 20): every source's data with its
 * origin, and for each data category the purposes, legal bases, recipients and retention the
 * policy declares (docs/retention-and-dsr.md, schema {@value #SCHEMA}).
 */
final class ExportDocument {

  static final String SCHEMA = "warden-dsr-export/1";

  private ExportDocument() {}

  static String build(DataSubjectRequest r, Policy policy, Map<String, PersonalDataSource> sources,
      RequestStore store, Instant now) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema", SCHEMA);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", r.id());
    request.put("type", r.type().id());
    request.put("receivedAt", r.receivedAt().toString());
    request.put("completedAt", r.updatedAt().toString());
    doc.put("request", request);
    doc.put("subject", r.subject().orElseThrow().value());
    doc.put("generatedAt", now.toString());
    doc.put("controller", Map.of("name", policy.contact().name(), "email", policy.contact().email()));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", policy.id());
    p.put("version", policy.version());
    p.put("effectiveDate", policy.effectiveDate().toString());
    doc.put("policy", p);
    doc.put("rights", policy.dataSubjectRights().rights().stream().map(ExportDocument::name).sorted().toList());
    doc.put("complaint", "You may lodge a complaint with a data protection supervisory authority (GDPR Art. 77).");
    List<Object> out = new ArrayList<>();
    for (SourceOutcome o : r.sources()) {
      JsonNode part = store.part(r.id(), o.source());
      if (part == null) {
        throw new DsrException("the data " + o.source() + " returned for request " + r.id() + " is missing");
      }
      PersonalDataSource s = sources.get(o.source());
      Set<String> categories = new TreeSet<>();
      part.forEach(rec -> categories.add(rec.path("dataCategory").asText()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", o.source());
      m.put("origin", s == null ? "not recorded (the source is no longer registered)" : s.origin());
      m.put("records", part.size());
      List<Object> cats = new ArrayList<>();
      for (String c : categories) {
        cats.add(category(policy, c));
      }
      m.put("dataCategories", cats);
      m.put("data", part);
      out.add(m);
    }
    doc.put("sources", out);
    return Json.utf8(Json.pretty(doc));
  }

  private static Map<String, Object> category(Policy policy, String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    policy.dataCategory(id).map(DataCategory::description).ifPresent(d -> m.put("description", d));
    List<Object> purposes = new ArrayList<>();
    Set<String> recipients = new LinkedHashSet<>();
    for (Purpose pu : policy.purposes()) {
      if (pu.dataCategories().contains(id)) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", pu.id());
        x.put("description", pu.description());
        x.put("legalBasis", name(pu.legalBasis()));
        purposes.add(x);
        recipients.addAll(pu.recipients());
      }
    }
    m.put("purposes", purposes);
    List<Object> rs = new ArrayList<>();
    for (String rid : recipients) {
      Recipient rec = policy.recipient(rid).orElse(null);
      if (rec != null) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", rec.id());
        x.put("name", rec.name());
        x.put("thirdParty", rec.thirdParty());
        rec.country().ifPresent(cc -> x.put("country", cc));
        rs.add(x);
      }
    }
    m.put("recipients", rs);
    RetentionRule rule = policy.retentionFor(id).orElse(null);
    Map<String, Object> ret = new LinkedHashMap<>();
    if (rule == null) {
      ret.put("rule", null);
      ret.put("note", "no retention period is set: kept until erased on request");
    } else {
      ret.put("rule", rule.id());
      ret.put("period", rule.period().toString());
      ret.put("from", name(rule.from()));
      List<Object> ex = new ArrayList<>();
      for (RetentionExemption e : rule.exemptions()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("reason", name(e.reason()));
        e.maxPeriod().ifPresent(mp -> x.put("maxPeriod", mp.toString()));
        ex.add(x);
      }
      ret.put("exemptions", ex);
    }
    m.put("retention", ret);
    return m;
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
