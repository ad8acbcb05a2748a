package dev.warden.moderation.semantic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.moderation.ModerationException;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a head file strictly: unknown fields and wrong types are errors with a JSON pointer. */
final class HeadFileReader {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Set<String> ROOT = Set.of("$schema", "format", "version", "encoder", "dimension", "training", "heads");
  private static final Set<String> HEAD = Set.of("id", "category", "severity", "type", "weights", "bias",
      "prototypes", "scale", "offset", "calibration");
  private static final Set<String> CALIBRATION = Set.of("positives", "benign", "recall", "benignFalsePositiveRate");

  private final String source;

  private HeadFileReader(String source) {
    this.source = source;
  }

  static TextHeads read(InputStream in, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new ModerationException("head file " + source + " is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
    return new HeadFileReader(source).heads(root);
  }

  private TextHeads heads(JsonNode root) {
    object(root, "", ROOT);
    String format = text(root, "", "format");
    if (!format.equals(TextHeads.FORMAT)) {
      throw problem("/format", "must be \"" + TextHeads.FORMAT + "\", got \"" + format + "\"");
    }
    int version = integer(root, "", "version");
    if (version != TextHeads.VERSION) {
      throw problem("/version", "this Warden reads version " + TextHeads.VERSION + ", got " + version);
    }
    String encoder = text(root, "", "encoder");
    int dimension = integer(root, "", "dimension");
    if (dimension < 1) {
      throw problem("/dimension", "must be at least 1, got " + dimension);
    }
    Map<String, String> training = new LinkedHashMap<>();
    JsonNode t = root.get("training");
    if (t != null) {
      if (!t.isObject()) {
        throw problem("/training", "must be an object of strings");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw problem("/training/" + e.getKey(), "must be a string");
        }
        training.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode list = root.get("heads");
    if (list == null || !list.isArray()) {
      throw problem("/heads", "must be an array of heads");
    }
    List<TextHead> heads = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      heads.add(head(list.get(i), "/heads/" + i, dimension));
    }
    try {
      return new TextHeads(encoder, dimension, heads, training);
    } catch (IllegalArgumentException e) {
      throw problem("/heads", e.getMessage());
    }
  }

  private TextHead head(JsonNode h, String ptr, int dimension) {
    object(h, ptr, HEAD);
    String id = text(h, ptr, "id");
    String cat = text(h, ptr, "category");
    if (!Category.isValidId(cat)) {
      throw problem(ptr + "/category", "'" + cat + "' is not a category id (such as sexual or violence/graphic)");
    }
    String sev = text(h, ptr, "severity");
    Severity severity;
    try {
      severity = Severity.valueOf(sev.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw problem(ptr + "/severity", "must be low, medium, high or critical, got '" + sev + "'");
    }
    Optional<HeadCalibration> calibration = calibration(h.get("calibration"), ptr + "/calibration");
    String type = text(h, ptr, "type");
    try {
      return switch (type) {
        case "logistic" -> {
          forbid(h, ptr, type, "prototypes", "scale", "offset");
          yield new TextHead.Logistic(id, Category.of(cat), severity,
              vector(h.get("weights"), ptr + "/weights", dimension), number(h, ptr, "bias"), calibration);
        }
        case "prototypes" -> {
          forbid(h, ptr, type, "weights", "bias");
          JsonNode ps = h.get("prototypes");
          if (ps == null || !ps.isArray() || ps.isEmpty()) {
            throw problem(ptr + "/prototypes", "must be a non-empty array of vectors");
          }
          float[][] protos = new float[ps.size()][];
          for (int i = 0; i < ps.size(); i++) {
            protos[i] = vector(ps.get(i), ptr + "/prototypes/" + i, dimension);
          }
          yield new TextHead.Prototypes(id, Category.of(cat), severity, protos, number(h, ptr, "scale"),
              number(h, ptr, "offset"), calibration);
        }
        default -> throw problem(ptr + "/type", "must be logistic or prototypes, got '" + type + "'");
      };
    } catch (IllegalArgumentException e) {
      throw problem(ptr, e.getMessage());
    }
  }

  private Optional<HeadCalibration> calibration(JsonNode c, String ptr) {
    if (c == null) {
      return Optional.empty();
    }
    object(c, ptr, CALIBRATION);
    try {
      return Optional.of(new HeadCalibration(integer(c, ptr, "positives"), integer(c, ptr, "benign"),
          number(c, ptr, "recall"), number(c, ptr, "benignFalsePositiveRate")));
    } catch (IllegalArgumentException e) {
      throw problem(ptr, e.getMessage());
    }
  }

  private void forbid(JsonNode h, String ptr, String type, String... fields) {
    for (String f : fields) {
      if (h.has(f)) {
        throw problem(ptr + "/" + f, "is not a field of a " + type + " head");
      }
    }
  }

  private float[] vector(JsonNode v, String ptr, int dimension) {
    if (v == null || !v.isArray()) {
      throw problem(ptr, "must be an array of " + dimension + " numbers");
    }
    if (v.size() != dimension) {
      throw problem(ptr, "has " + v.size() + " numbers, the file's dimension is " + dimension);
    }
    float[] out = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      JsonNode x = v.get(i);
      if (!x.isNumber() || !Float.isFinite(x.floatValue())) {
        throw problem(ptr + "/" + i, "must be a finite number, got " + x);
      }
      out[i] = x.floatValue();
    }
    return out;
  }

  private void object(JsonNode n, String ptr, Set<String> allowed) {
    if (n == null || !n.isObject()) {
      throw problem(ptr.isEmpty() ? "/" : ptr, "must be a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw problem(ptr + "/" + f, "unknown field (expected one of " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
  }

  private String text(JsonNode o, String ptr, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw problem(ptr + "/" + field, v == null ? "is required" : "must be a non-empty string");
    }
    return v.asText();
  }

  private int integer(JsonNode o, String ptr, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      throw problem(ptr + "/" + field, v == null ? "is required" : "must be an integer, got " + v);
    }
    return v.asInt();
  }

  private double number(JsonNode o, String ptr, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw problem(ptr + "/" + field, v == null ? "is required" : "must be a finite number, got " + v);
    }
    return v.asDouble();
  }

  private ModerationException problem(String pointer, String message) {
    return new ModerationException("head file " + source + ": " + pointer + ": " + message);
  }
}
