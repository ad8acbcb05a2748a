package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped JSON Schema describes exactly what the loader accepts: the same fields per object,
 * the same required fields, and the embedded policies validate against it.
 */
class PolicySchemaTest {

  static final ObjectMapper M = new ObjectMapper();
  static JsonNode schema;

  /** Schema definition name, where an instance lives in the default policy, the reader's fields. */
  static final Object[][] OBJECTS = {
      {null, "", PolicyReader.POLICY_FIELDS},
      {"contact", "/contact", PolicyReader.CONTACT_FIELDS},
      {"dataCategory", "/dataCategories/0", PolicyReader.DATA_CATEGORY_FIELDS},
      {"recipient", "/recipients/0", PolicyReader.RECIPIENT_FIELDS},
      {"purpose", "/purposes/0", PolicyReader.PURPOSE_FIELDS},
      {"cookieCategory", "/cookieCategories/1", PolicyReader.COOKIE_CATEGORY_FIELDS},
      {"cookieDeclaration", "/cookieCategories/1/cookies/0", PolicyReader.COOKIE_FIELDS},
      {"retentionRule", "/retention/0", PolicyReader.RETENTION_FIELDS},
      {"exemption", "/retention/0/exemptions/0", PolicyReader.EXEMPTION_FIELDS},
      {"contentRule", "/contentRules/0", PolicyReader.CONTENT_RULE_FIELDS},
      {"enforcement", "/enforcement", PolicyReader.ENFORCEMENT_FIELDS},
      {"enforcementStep", "/enforcement/steps/0", PolicyReader.STEP_FIELDS},
      {"consent", "/consent", PolicyReader.CONSENT_FIELDS},
      {"dataSubjectRights", "/dataSubjectRights", PolicyReader.DSR_FIELDS},
  };

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = Policy.class.getResourceAsStream("policy.schema.json")) {
      assertThat(in).as("policy.schema.json ships in the jar").isNotNull();
      schema = M.readTree(in);
    }
  }

  static JsonNode def(String name) {
    return name == null ? schema : schema.get("$defs").get(name);
  }

  static Set<String> names(JsonNode n) {
    Set<String> out = new HashSet<>();
    if (n != null) {
      n.fieldNames().forEachRemaining(out::add);
      if (n.isArray()) {
        n.forEach(x -> out.add(x.asText()));
      }
    }
    return out;
  }

  @Test
  void everyObjectHasTheLoadersFieldsAndNoOthers() {
    for (Object[] o : OBJECTS) {
      JsonNode d = def((String) o[0]);
      assertThat(names(d.get("properties"))).as("properties of %s", o[0]).isEqualTo(o[2]);
      assertThat(d.get("additionalProperties").asBoolean(true)).as("%s is closed", o[0]).isFalse();
    }
  }

  @Test
  void requiredFieldsAreExactlyTheOnesTheLoaderRequires() throws IOException {
    for (Object[] o : OBJECTS) {
      Set<String> required = names(def((String) o[0]).get("required"));
      for (String field : castStrings((Set<?>) o[2])) {
        ObjectNode doc = (ObjectNode) M.readTree(Policy.defaultPolicyJson());
        JsonNode target = doc.at((String) o[1]);
        assertThat(target.isObject()).as("%s in the default policy", o[1]).isTrue();
        ((ObjectNode) target).remove(field);
        List<String> messages = problems(doc);
        String missing = "missing required field '" + field + "'";
        if (required.contains(field)) {
          assertThat(messages).as("removing %s%s", o[1], "/" + field).contains(missing);
        } else {
          assertThat(messages).as("removing optional %s/%s", o[1], field).doesNotContain(missing);
        }
      }
    }
  }

  @Test
  void theEmbeddedAndTestPoliciesValidateAgainstTheSchema() throws IOException {
    assertThat(validate(M.readTree(Policy.defaultPolicyJson()), schema, "")).isEmpty();
    assertThat(validate(M.readTree(Policy.defaultPolicy().toJson()), schema, "")).isEmpty();
    assertThat(validate(M.readTree(GoldenPolicyFilesTest.resource("minimal.json")), schema, "")).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
    List<String> v = validate(M.readTree(GoldenPolicyFilesTest.resource("invalid/values.json")), schema, "");
    assertThat(v).contains("/extra: not allowed", "/version: expected string",
        "/cookieCategories/0/class: not one of the allowed values");
  }

  private static Set<String> castStrings(Set<?> s) {
    Set<String> out = new HashSet<>();
    s.forEach(x -> out.add((String) x));
    return out;
  }

  private static List<String> problems(JsonNode doc) throws IOException {
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.parse(M.writeValueAsString(doc), "mutated"));
    return e == null ? List.of() : e.problems().stream().map(PolicyProblem::message).toList();
  }

  /** A validator for the subset of JSON Schema the policy schema uses. */
  static List<String> validate(JsonNode v, JsonNode s, String at) {
    List<String> out = new ArrayList<>();
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      return validate(v, schema.get("$defs").get(ref.substring("#/$defs/".length())), at);
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode e : s.get("enum")) {
        found |= e.equals(v);
      }
      if (!found) {
        out.add(at + ": not one of the allowed values");
      }
    }
    String type = s.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!v.isObject()) {
          out.add(at + ": expected object");
          return out;
        }
        for (JsonNode r : s.path("required")) {
          if (!v.has(r.asText())) {
            out.add(at + ": missing " + r.asText());
          }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode ps = s.path("properties").get(e.getKey());
          if (ps == null) {
            if (!s.path("additionalProperties").asBoolean(true)) {
              out.add(at + "/" + e.getKey() + ": not allowed");
            }
          } else {
            out.addAll(validate(e.getValue(), ps, at + "/" + e.getKey()));
          }
        }
      }
      case "array" -> {
        if (!v.isArray()) {
          out.add(at + ": expected array");
          return out;
        }
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
          if (s.path("uniqueItems").asBoolean(false) && !seen.add(v.get(i))) {
            out.add(at + "/" + i + ": duplicate");
          }
          if (s.has("items")) {
            out.addAll(validate(v.get(i), s.get("items"), at + "/" + i));
          }
        }
      }
      case "string" -> {
        if (!v.isTextual()) {
          out.add(at + ": expected string");
          return out;
        }
        if (v.asText().length() < s.path("minLength").asInt(0)) {
          out.add(at + ": too short");
        }
        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(v.asText()).find()) {
          out.add(at + ": does not match " + s.get("pattern").asText());
        }
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          out.add(at + ": expected boolean");
        }
      }
      case "integer", "number" -> {
        if (!v.isNumber() || (type.equals("integer") && !v.isIntegralNumber())) {
          out.add(at + ": expected " + type);
          return out;
        }
        if (s.has("minimum") && v.asDouble() < s.get("minimum").asDouble()) {
          out.add(at + ": below minimum");
        }
        if (s.has("maximum") && v.asDouble() > s.get("maximum").asDouble()) {
          out.add(at + ": above maximum");
        }
      }
      default -> { }
    }
    return out;
  }
}
