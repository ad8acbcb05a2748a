package dev.warden.consent.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.PolicyRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Consent records and erasure proofs as JSON objects (maps with a fixed key order), for the journal,
 * snapshots and exports. Reading checks every field and names the first one that is wrong.
 */
final class RecordCodec {

  static final ObjectMapper JSON = new ObjectMapper();

  private RecordCodec() {}

  static Map<String, Object> toMap(ConsentRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("recordId", r.recordId());
    m.put("subject", r.subject().value());
    m.put("policyId", r.policy().id());
    m.put("policyVersion", r.policy().version());
    m.put("noticeLanguage", r.noticeLanguage());
    m.put("event", r.event().id());
    m.put("method", r.method().id());
    r.evidence().ifPresent(e -> m.put("evidence", e));
    m.put("categories", new TreeMap<>(r.categories()));
    m.put("purposes", new TreeMap<>(r.purposes()));
    m.put("timestamp", r.timestamp().toString());
    m.put("expiresAt", r.expiresAt().toString());
    r.supersedes().ifPresent(s -> m.put("supersedes", s));
    return m;
  }

  static Map<String, Object> toMap(ErasureProof p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subjectDigest", p.subjectDigest());
    m.put("erasedAt", p.erasedAt().toString());
    m.put("recordCount", p.recordCount());
    m.put("recordsDigest", p.recordsDigest());
    p.reference().ifPresent(x -> m.put("reference", x));
    return m;
  }

  /** The canonical one-line JSON of a record (what erasure digests cover). */
  static String line(ConsentRecord r) {
    return json(toMap(r));
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ConsentRecord record(Map<?, ?> m) {
    try {
      return new ConsentRecord(
          text(m, "recordId"), new Pseudonym(text(m, "subject")),
          new PolicyRef(text(m, "policyId"), text(m, "policyVersion")), text(m, "noticeLanguage"),
          ConsentEvent.parse(text(m, "event")), CollectionMethod.parse(text(m, "method")),
          optionalText(m, "evidence"), flags(m, "categories"), flags(m, "purposes"),
          Instant.parse(text(m, "timestamp")), Instant.parse(text(m, "expiresAt")), optionalText(m, "supersedes"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("a timestamp is not an ISO-8601 instant: " + e.getParsedString(), e);
    }
  }

  static ErasureProof erasure(Map<?, ?> m) {
    Object count = m.get("recordCount");
    if (!(count instanceof Number n)) {
      throw new IllegalArgumentException("field 'recordCount' must be a number");
    }
    return new ErasureProof(text(m, "subjectDigest"), Instant.parse(text(m, "erasedAt")), n.intValue(),
        text(m, "recordsDigest"), optionalText(m, "reference"));
  }

  private static String text(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("field '" + key + "' must be a string"
          + (v == null ? " and is missing" : ", got " + v.getClass().getSimpleName()));
    }
    return s;
  }

  private static Optional<String> optionalText(Map<?, ?> m, String key) {
    return m.get(key) == null ? Optional.empty() : Optional.of(text(m, key));
  }

  private static Map<String, Boolean> flags(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("field '" + key + "' must be an object of booleans");
    }
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof Boolean b)) {
        throw new IllegalArgumentException("field '" + key + "." + e.getKey() + "' must be true or false");
      }
      out.put(String.valueOf(e.getKey()), b);
    }
    return out;
  }

  static PolicyRef ref(String id, String version) {
    return new PolicyRef(id, version);
  }
}
