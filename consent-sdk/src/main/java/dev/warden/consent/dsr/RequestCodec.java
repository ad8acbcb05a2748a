package dev.warden.consent.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.consent.internal.Json;
import dev.warden.policy.ExemptionReason;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Requests as JSON objects, for the request store (docs/retention-and-dsr.md). */
final class RequestCodec {

  static final String FORMAT = "warden-dsr-request";

  private RequestCodec() {}

  static Map<String, Object> toJson(DataSubjectRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("version", 1);
    m.put("id", r.id());
    m.put("type", r.type().id());
    r.subject().ifPresent(s -> m.put("subject", s.value()));
    m.put("subjectDigest", r.subjectDigest());
    m.put("receivedAt", r.receivedAt().toString());
    m.put("dueAt", r.dueAt().toString());
    m.put("extension", r.extension().toString());
    m.put("state", r.state().id());
    List<Map<String, Object>> history = new ArrayList<>();
    for (Transition t : r.history()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("state", t.state().id());
      h.put("at", t.at().toString());
      t.note().ifPresent(n -> h.put("note", n));
      history.add(h);
    }
    m.put("history", history);
    List<Map<String, Object>> sources = new ArrayList<>();
    for (SourceOutcome s : r.sources()) {
      sources.add(toJson(s));
    }
    m.put("sources", sources);
    r.refusal().ifPresent(x -> m.put("refusal", x));
    if (!r.corrections().isEmpty()) {
      m.put("corrections", r.corrections());
    }
    if (!r.correctedFields().isEmpty()) {
      m.put("correctedFields", r.correctedFields());
    }
    return m;
  }

  static Map<String, Object> toJson(SourceOutcome s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("source", s.source());
    o.put("status", s.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    o.put("attempts", s.attempts());
    s.error().ifPresent(e -> o.put("error", e));
    s.nextAttemptAt().ifPresent(t -> o.put("nextAttemptAt", t.toString()));
    o.put("records", s.records());
    if (!s.retained().isEmpty()) {
      List<Map<String, Object>> kept = new ArrayList<>();
      for (Retained k : s.retained()) {
        Map<String, Object> km = new LinkedHashMap<>();
        km.put("dataCategory", k.dataCategory());
        km.put("reason", k.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        km.put("records", k.records());
        km.put("basis", k.basis());
        kept.add(km);
      }
      o.put("retained", kept);
    }
    s.note().ifPresent(n -> o.put("note", n));
    return o;
  }

  static DataSubjectRequest fromJson(JsonNode n) {
    if (!FORMAT.equals(n.path("format").asText())) {
      throw new IllegalArgumentException("not a data-subject request (no \"format\": \"" + FORMAT + "\")");
    }
    List<Transition> history = new ArrayList<>();
    for (JsonNode h : n.path("history")) {
      history.add(new Transition(RequestState.parse(text(h, "state")), Instant.parse(text(h, "at")),
          optional(h, "note")));
    }
    if (history.isEmpty()) {
      throw new IllegalArgumentException("history is empty");
    }
    List<SourceOutcome> sources = new ArrayList<>();
    for (JsonNode s : n.path("sources")) {
      List<Retained> kept = new ArrayList<>();
      for (JsonNode k : s.path("retained")) {
        kept.add(new Retained(text(k, "dataCategory"),
            ExemptionReason.valueOf(text(k, "reason").toUpperCase(Locale.ROOT).replace('-', '_')),
            k.path("records").asInt(), text(k, "basis")));
      }
      sources.add(new SourceOutcome(text(s, "source"),
          SourceOutcome.Status.valueOf(text(s, "status").toUpperCase(Locale.ROOT).replace('-', '_')),
          s.path("attempts").asInt(), optional(s, "error"), optional(s, "nextAttemptAt").map(Instant::parse),
          s.path("records").asInt(), kept, optional(s, "note")));
    }
    Map<String, Object> corrections = new LinkedHashMap<>();
    if (n.has("corrections")) {
      n.get("corrections").fields().forEachRemaining(e -> corrections.put(e.getKey(),
          Json.MAPPER.convertValue(e.getValue(), Object.class)));
    }
    List<String> fields = new ArrayList<>();
    n.path("correctedFields").forEach(f -> fields.add(f.asText()));
    return new DataSubjectRequest(text(n, "id"), RequestType.parse(text(n, "type")),
        optional(n, "subject").map(Pseudonym::of), text(n, "subjectDigest"), Instant.parse(text(n, "receivedAt")),
        Instant.parse(text(n, "dueAt")), Period.parse(text(n, "extension")),
        RequestState.parse(text(n, "state")), history, sources, optional(n, "refusal"), corrections, fields);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return v.asText();
  }

  private static Optional<String> optional(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
