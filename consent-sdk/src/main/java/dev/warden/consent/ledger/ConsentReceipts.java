package dev.warden.consent.ledger;

import dev.warden.policy.CookieCategory;
import dev.warden.policy.Policy;
import dev.warden.policy.Purpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consent receipts: a record as JSON a person (or an auditor) can be given, with the fields of the
 * Kantara Initiative consent receipt and ISO/IEC TS 27560 (docs/consent-ledger.md).
 */
final class ConsentReceipts {

  static final String SCHEMA = "warden-consent-receipt/1";

  private ConsentReceipts() {}

  /** A receipt; {@code policy} is the policy the record was given under, or null if unknown. */
  static Map<String, Object> receipt(ConsentRecord r, Policy policy) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("receiptId", r.recordId());
    m.put("piiPrincipalId", r.subject().value());
    m.put("event", r.event().id());
    m.put("consentTimestamp", r.timestamp().toString());
    m.put("expiresAt", r.expiresAt().toString());
    m.put("collectionMethod", r.method().id());
    r.evidence().ifPresent(e -> m.put("evidence", e));
    m.put("language", r.noticeLanguage());
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("policyId", r.policy().id());
    notice.put("policyVersion", r.policy().version());
    if (policy != null) {
      notice.put("effectiveDate", policy.effectiveDate().toString());
      m.put("piiController", Map.of("name", policy.contact().name(), "email", policy.contact().email()));
    }
    m.put("notice", notice);
    List<Map<String, Object>> categories = new ArrayList<>();
    for (Map.Entry<String, Boolean> e : new TreeMap<>(r.categories()).entrySet()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("category", e.getKey());
      c.put("granted", e.getValue());
      CookieCategory cat = policy == null ? null : policy.cookieCategory(e.getKey()).orElse(null);
      if (cat != null) {
        c.put("class", cat.cookieClass().name().toLowerCase(java.util.Locale.ROOT));
        c.put("consentRequired", cat.consentRequired());
        c.put("purposes", cat.purposes());
      }
      categories.add(c);
    }
    m.put("cookieCategories", categories);
    List<Map<String, Object>> purposes = new ArrayList<>();
    for (Map.Entry<String, Boolean> e : new TreeMap<>(r.purposes()).entrySet()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("purpose", e.getKey());
      p.put("granted", e.getValue());
      Purpose pu = policy == null ? null : policy.purpose(e.getKey()).orElse(null);
      if (pu != null) {
        p.put("description", pu.description());
        p.put("legalBasis", "consent");
        p.put("recipients", pu.recipients());
      }
      purposes.add(p);
    }
    m.put("purposes", purposes);
    r.supersedes().ifPresent(s -> m.put("supersedes", s));
    return m;
  }
}
