package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.tcf.IdSet;
import dev.warden.consent.tcf.PublisherRestriction;
import dev.warden.consent.tcf.PublisherTc;
import dev.warden.consent.tcf.RestrictionType;
import dev.warden.consent.tcf.TcString;
import dev.warden.consent.tcf.TcStringBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON form of a TC string that {@code warden tcf decode} writes and {@code warden tcf encode}
 * reads (documented in docs/tcf.md): keys named like the IAB library's getters, id sets as sorted
 * arrays.
 */
final class TcfJson {

  static final List<String> KEYS = List.of("version", "created", "lastUpdated", "cmpId", "cmpVersion",
      "consentScreen", "consentLanguage", "vendorListVersion", "tcfPolicyVersion", "isServiceSpecific",
      "useNonStandardStacks", "specialFeatureOptIns", "purposesConsent", "purposesLITransparency",
      "purposeOneTreatment", "publisherCC", "vendorConsent", "vendorLegitimateInterest", "publisherRestrictions",
      "disclosedVendors", "allowedVendors", "pubPurposesConsent", "pubPurposesLITransparency",
      "customPurposesConsent", "customPurposesLITransparency");
  private static final Set<String> RESTRICTION_KEYS = Set.of("purposeId", "restrictionType", "vendorIds");

  private TcfJson() {}

  static ObjectNode toJson(TcString t) {
    ObjectNode o = Output.object();
    o.put("version", t.version());
    o.put("created", t.created().toString());
    o.put("lastUpdated", t.lastUpdated().toString());
    o.put("cmpId", t.cmpId());
    o.put("cmpVersion", t.cmpVersion());
    o.put("consentScreen", t.consentScreen());
    o.put("consentLanguage", t.consentLanguage());
    o.put("vendorListVersion", t.vendorListVersion());
    o.put("tcfPolicyVersion", t.tcfPolicyVersion());
    o.put("isServiceSpecific", t.isServiceSpecific());
    o.put("useNonStandardStacks", t.useNonStandardStacks());
    ids(o, "specialFeatureOptIns", t.specialFeatureOptIns());
    ids(o, "purposesConsent", t.purposesConsent());
    ids(o, "purposesLITransparency", t.purposesLITransparency());
    o.put("purposeOneTreatment", t.purposeOneTreatment());
    o.put("publisherCC", t.publisherCC());
    ids(o, "vendorConsent", t.vendorConsent());
    ids(o, "vendorLegitimateInterest", t.vendorLegitimateInterest());
    ArrayNode restrictions = o.putArray("publisherRestrictions");
    for (PublisherRestriction r : t.publisherRestrictions()) {
      ObjectNode ro = restrictions.addObject();
      ro.put("purposeId", r.purposeId());
      ro.put("restrictionType", r.restrictionType().name());
      ids(ro, "vendorIds", r.vendorIds());
    }
    ids(o, "disclosedVendors", t.disclosedVendors());
    ids(o, "allowedVendors", t.allowedVendors());
    ids(o, "pubPurposesConsent", t.pubPurposesConsent());
    ids(o, "pubPurposesLITransparency", t.pubPurposesLITransparency());
    ids(o, "customPurposesConsent", t.customPurposesConsent());
    ids(o, "customPurposesLITransparency", t.customPurposesLITransparency());
    return o;
  }

  private static void ids(ObjectNode o, String key, IdSet ids) {
    ArrayNode a = o.putArray(key);
    ids.forEach(a::add);
  }

  /**
   * Reads the JSON form back. Every key is optional (defaults: version 2, policy version 5,
   * service-specific, {@code EN}, {@code AA}, created now); unknown keys are errors. An empty
   * {@code disclosedVendors} or {@code allowedVendors} means the segment is absent; the publisher
   * TC segment is written when any of its four sets is non-empty.
   *
   * @throws IllegalArgumentException naming the JSON Pointer of the bad value
   */
  static TcString fromJson(JsonNode o, Clock clock) {
    if (!o.isObject()) {
      throw new IllegalArgumentException("(document): must be a JSON object");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("/" + k + ": unknown key; expected one of " + KEYS);
      }
    }
    TcStringBuilder b = TcString.builder();
    Instant now = clock.instant();
    try {
      b.version(integer(o, "version", 2));
      Instant created = instant(o, "created", now);
      b.created(created).lastUpdated(instant(o, "lastUpdated", created));
      b.cmpId(integer(o, "cmpId", 0)).cmpVersion(integer(o, "cmpVersion", 0))
          .consentScreen(integer(o, "consentScreen", 0))
          .consentLanguage(text(o, "consentLanguage", "EN"))
          .vendorListVersion(integer(o, "vendorListVersion", 0))
          .tcfPolicyVersion(integer(o, "tcfPolicyVersion", 5))
          .isServiceSpecific(bool(o, "isServiceSpecific", true))
          .useNonStandardStacks(bool(o, "useNonStandardStacks", false))
          .specialFeatureOptIns(ids(o.get("specialFeatureOptIns"), "/specialFeatureOptIns"))
          .purposesConsent(ids(o.get("purposesConsent"), "/purposesConsent"))
          .purposesLITransparency(ids(o.get("purposesLITransparency"), "/purposesLITransparency"))
          .purposeOneTreatment(bool(o, "purposeOneTreatment", false))
          .publisherCC(text(o, "publisherCC", "AA"))
          .vendorConsent(ids(o.get("vendorConsent"), "/vendorConsent"))
          .vendorLegitimateInterest(ids(o.get("vendorLegitimateInterest"), "/vendorLegitimateInterest"));
      b.publisherRestrictions(restrictions(o.get("publisherRestrictions")));
      IdSet disclosed = ids(o.get("disclosedVendors"), "/disclosedVendors");
      b.disclosedVendors(disclosed.isEmpty() ? null : disclosed);
      IdSet allowed = ids(o.get("allowedVendors"), "/allowedVendors");
      b.allowedVendors(allowed.isEmpty() ? null : allowed);
      IdSet pc = ids(o.get("pubPurposesConsent"), "/pubPurposesConsent");
      IdSet pl = ids(o.get("pubPurposesLITransparency"), "/pubPurposesLITransparency");
      IdSet cc = ids(o.get("customPurposesConsent"), "/customPurposesConsent");
      IdSet cl = ids(o.get("customPurposesLITransparency"), "/customPurposesLITransparency");
      if (!pc.isEmpty() || !pl.isEmpty() || !cc.isEmpty() || !cl.isEmpty()) {
        b.publisherTc(PublisherTc.of(pc, pl, cc, cl));
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("/")) {
        throw e;
      }
      throw new IllegalArgumentException(pointerFor(e.getMessage()) + e.getMessage(), e);
    }
    return b.build();
  }

  /** The builder names the field first; turn that into a pointer. */
  private static String pointerFor(String message) {
    if (message == null) {
      return "(document): ";
    }
    int space = message.indexOf(' ');
    String field = space < 0 ? message : message.substring(0, space);
    return KEYS.contains(field) ? "/" + field + ": " : "(document): ";
  }

  private static List<PublisherRestriction> restrictions(JsonNode a) {
    List<PublisherRestriction> out = new ArrayList<>();
    if (a == null || a.isNull()) {
      return out;
    }
    if (!a.isArray()) {
      throw new IllegalArgumentException("/publisherRestrictions: must be an array of objects");
    }
    for (int i = 0; i < a.size(); i++) {
      String at = "/publisherRestrictions/" + i;
      JsonNode r = a.get(i);
      if (!r.isObject()) {
        throw new IllegalArgumentException(at + ": must be an object");
      }
      for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!RESTRICTION_KEYS.contains(k)) {
          throw new IllegalArgumentException(at + "/" + k + ": unknown key; expected " + RESTRICTION_KEYS);
        }
      }
      JsonNode p = r.get("purposeId");
      if (p == null || !p.isInt() || p.intValue() < 0 || p.intValue() > 63) {
        throw new IllegalArgumentException(at + "/purposeId: must be an integer 0..63, got " + p);
      }
      out.add(new PublisherRestriction(p.intValue(), restrictionType(r.get("restrictionType"), at),
          ids(r.get("vendorIds"), at + "/vendorIds")));
    }
    return out;
  }

  private static RestrictionType restrictionType(JsonNode n, String at) {
    if (n != null && n.isInt() && n.intValue() >= 0 && n.intValue() <= 3) {
      return RestrictionType.ofCode(n.intValue());
    }
    if (n != null && n.isTextual()) {
      try {
        return RestrictionType.valueOf(n.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(at + "/restrictionType: must be NOT_ALLOWED, REQUIRE_CONSENT,"
        + " REQUIRE_LEGITIMATE_INTEREST, UNDEFINED or a code 0..3, got " + n);
  }

  private static IdSet ids(JsonNode a, String at) {
    if (a == null || a.isNull()) {
      return IdSet.empty();
    }
    if (!a.isArray()) {
      throw new IllegalArgumentException(at + ": must be an array of integers");
    }
    int[] ids = new int[a.size()];
    for (int i = 0; i < ids.length; i++) {
      JsonNode n = a.get(i);
      if (!n.isInt() || n.intValue() < 1 || n.intValue() > 65535) {
        throw new IllegalArgumentException(at + "/" + i + ": must be an integer 1..65535, got " + n);
      }
      ids[i] = n.intValue();
    }
    return IdSet.of(ids);
  }

  private static int integer(JsonNode o, String key, int fallback) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isInt()) {
      throw new IllegalArgumentException("/" + key + ": must be an integer, got " + n);
    }
    return n.intValue();
  }

  private static boolean bool(JsonNode o, String key, boolean fallback) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw new IllegalArgumentException("/" + key + ": must be true or false, got " + n);
    }
    return n.booleanValue();
  }

  private static String text(JsonNode o, String key, String fallback) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException("/" + key + ": must be a string, got " + n);
    }
    return n.asText();
  }

  private static Instant instant(JsonNode o, String key, Instant fallback) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException("/" + key + ": must be an ISO-8601 instant string, got " + n);
    }
    try {
      return Instant.parse(n.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("/" + key + ": must be an ISO-8601 instant such as"
          + " 2026-05-01T10:00:00Z, got '" + n.asText() + "'");
    }
  }
}
