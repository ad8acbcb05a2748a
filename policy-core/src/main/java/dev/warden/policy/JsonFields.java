package dev.warden.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to the fields of a located JSON document that records a problem, with its pointer
 * and location, for every value of the wrong type or shape instead of stopping at the first.
 */
final class JsonFields {

  private final LocatedJson doc;
  private final List<PolicyProblem> problems = new ArrayList<>();

  JsonFields(LocatedJson doc) {
    this.doc = doc;
  }

  List<PolicyProblem> problems() {
    return problems;
  }

  int problemCount() {
    return problems.size();
  }

  void problem(String pointer, String message) {
    problems.add(doc.problem(pointer, message));
  }

  /** The object at {@code ptr}, after reporting every field not in {@code known}; or null. */
  ObjectNode object(JsonNode node, String ptr, Set<String> known) {
    if (!(node instanceof ObjectNode o)) {
      problem(ptr, "must be an object, got " + describe(node));
      return null;
    }
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      if (!known.contains(e.getKey())) {
        problem(ptr + "/" + JsonNames.pointerToken(e.getKey()), "unknown field '" + e.getKey()
            + "' (expected one of: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
      }
    }
    return o;
  }

  /** The field's node; null (after reporting it when required) if absent or JSON null. */
  JsonNode field(ObjectNode o, String ptr, String name, boolean required) {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        problem(ptr, "missing required field '" + name + "'");
      }
      return null;
    }
    return v;
  }

  String string(ObjectNode o, String ptr, String name, boolean required) {
    JsonNode v = field(o, ptr, name, required);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      problem(ptr + "/" + name, "must be a string, got " + describe(v));
      return null;
    }
    return v.textValue();
  }

  /** A string that must pass {@code rule} (which returns a problem or null). */
  String string(ObjectNode o, String ptr, String name, boolean required, Function<String, String> rule) {
    String s = string(o, ptr, name, required);
    if (s != null) {
      String why = rule.apply(s);
      if (why != null) {
        problem(ptr + "/" + name, name + " " + why);
        return null;
      }
    }
    return s;
  }

  Boolean bool(ObjectNode o, String ptr, String name, Boolean dflt) {
    JsonNode v = field(o, ptr, name, dflt == null);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      problem(ptr + "/" + name, "must be true or false, got " + describe(v));
      return null;
    }
    return v.booleanValue();
  }

  Double unitInterval(ObjectNode o, String ptr, String name, double dflt) {
    JsonNode v = field(o, ptr, name, false);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber()) {
      problem(ptr + "/" + name, "must be a number, got " + describe(v));
      return null;
    }
    double d = v.doubleValue();
    String why = Checks.unitIntervalProblem(d);
    if (why != null) {
      problem(ptr + "/" + name, name + " " + why);
      return null;
    }
    return d;
  }

  Integer positiveInt(ObjectNode o, String ptr, String name) {
    JsonNode v = field(o, ptr, name, true);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      problem(ptr + "/" + name, "must be an integer, got " + describe(v));
      return null;
    }
    BigDecimal d = v.decimalValue();
    if (d.signum() <= 0 || d.stripTrailingZeros().scale() > 0
        || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      problem(ptr + "/" + name, name + " must be a whole number from 1 to " + Integer.MAX_VALUE
          + ", got " + d);
      return null;
    }
    return d.intValueExact();
  }

  Period period(ObjectNode o, String ptr, String name, boolean required, boolean positive) {
    String s = string(o, ptr, name, required);
    if (s == null) {
      return null;
    }
    Period p;
    try {
      p = Period.parse(s);
    } catch (DateTimeParseException e) {
      problem(ptr + "/" + name, name + " must be an ISO-8601 period such as 'P30D', 'P6M' or 'P1Y', got '"
          + s + "'");
      return null;
    }
    String why = Checks.periodProblem(p, positive);
    if (why != null) {
      problem(ptr + "/" + name, name + " " + why);
      return null;
    }
    return p;
  }

  LocalDate date(ObjectNode o, String ptr, String name) {
    String s = string(o, ptr, name, true);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      problem(ptr + "/" + name, name + " must be an ISO-8601 date such as '2025-11-05', got '" + s + "'");
      return null;
    }
  }

  <E extends Enum<E>> E enumValue(ObjectNode o, String ptr, String name, Class<E> type, E dflt) {
    JsonNode v = field(o, ptr, name, dflt == null);
    if (v == null) {
      return dflt;
    }
    return enumValue(v, ptr + "/" + name, name, type);
  }

  <E extends Enum<E>> E enumValue(JsonNode v, String ptr, String what, Class<E> type) {
    E e = v.isTextual() ? JsonNames.parse(type, v.textValue()) : null;
    if (e == null) {
      problem(ptr, what + " must be one of " + JsonNames.choices(type) + ", got " + describe(v));
    }
    return e;
  }

  /** The array field, or an empty array when absent and not required; null on a type problem. */
  ArrayNode array(ObjectNode o, String ptr, String name, boolean required) {
    JsonNode v = field(o, ptr, name, required);
    if (v == null) {
      return required ? null : o.arrayNode();
    }
    if (!(v instanceof ArrayNode a)) {
      problem(ptr + "/" + name, "must be an array, got " + describe(v));
      return null;
    }
    return a;
  }

  /** An array of identifiers; invalid entries are reported and left out. */
  List<String> ids(ObjectNode o, String ptr, String name, boolean required) {
    ArrayNode a = array(o, ptr, name, required);
    if (a == null) {
      return null;
    }
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonNode v = a.get(i);
      String at = ptr + "/" + name + "/" + i;
      if (!v.isTextual()) {
        problem(at, "must be a string, got " + describe(v));
        continue;
      }
      String why = Checks.idProblem(v.textValue());
      if (why != null) {
        problem(at, "identifier " + why);
        continue;
      }
      out.add(v.textValue());
    }
    return out;
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      String t = v.textValue();
      return "'" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
    }
    if (v.isNumber()) {
      String n = v.decimalValue().toString();
      return "number " + (n.length() > 30 ? n.substring(0, 30) + "..." : n);
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "true" : "false";
    }
    return v.isArray() ? "an array" : "an object";
  }
}
