package dev.warden.moderation.image;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policy.PolicyProblem;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the concept-set JSON format, reporting every problem with its JSON Pointer. */
final class ConceptSetReader {

  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
  private static final Set<String> SET_FIELDS = Set.of("$schema", "space", "dimension",
      "specialCareAdjustment", "scoreDecimals", "concepts", "specialCare", "contrastive");
  private static final Set<String> CONCEPT_FIELDS =
      Set.of("id", "category", "severity", "threshold", "embedding");
  private static final Set<String> PAIR_FIELDS = Set.of("id", "category", "severity", "margin",
      "appropriate", "inappropriate", "file");
  private static final Set<String> Q16_FIELDS = Set.of("model", "rows", "note", "embeddings");

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
          .maxDocumentLength(MAX_FILE_BYTES).build())
      .build());

  private final String source;
  private final Path baseDir;
  private final EmbeddingSpace space;
  private final List<PolicyProblem> problems = new ArrayList<>();

  private ConceptSetReader(String source, Path baseDir, EmbeddingSpace space) {
    this.source = source;
    this.baseDir = baseDir;
    this.space = space;
  }

  static ConceptSet read(Path file, EmbeddingSpace space) {
    Path dir = file.toAbsolutePath().getParent();
    try (InputStream in = open(file)) {
      return read(in, file.toString(), dir, space);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read concept set " + file + ": " + e.getMessage(), e);
    }
  }

  static ConceptSet read(InputStream in, String source, Path baseDir, EmbeddingSpace space) {
    ConceptSetReader r = new ConceptSetReader(source, baseDir, space);
    JsonNode root = r.parse(in);
    ConceptSet set = root == null ? null : r.set(root);
    if (!r.problems.isEmpty()) {
      throw new ConceptSetException(source, r.problems);
    }
    return set;
  }

  /** Reads a Q16 prompt file: {@code {"embeddings": [[appropriate...], [inappropriate...]]}}. */
  static ContrastivePair q16(Path file, EmbeddingSpace space, String id, Category category,
      Severity severity) {
    ConceptSetReader r = new ConceptSetReader(file.toString(), file.toAbsolutePath().getParent(), space);
    ContrastivePair p;
    try (InputStream in = open(file)) {
      JsonNode root = r.parse(in);
      p = root == null ? null : r.q16Pair(root, "", id, category, severity, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Q16 prompt file " + file + ": " + e.getMessage(), e);
    }
    if (!r.problems.isEmpty()) {
      throw new ConceptSetException(file.toString(), r.problems);
    }
    return p;
  }

  private static InputStream open(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException("file is " + size + " bytes, more than the limit of " + MAX_FILE_BYTES);
    }
    return Files.newInputStream(file);
  }

  private JsonNode parse(InputStream in) {
    try (JsonParser p = MAPPER.createParser(in)) {
      JsonNode n = MAPPER.readTree(p);
      if (n == null) {
        problems.add(new PolicyProblem("", 1, 1, "the document is empty"));
      } else if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        problems.add(new PolicyProblem("", at.getLineNr(), at.getColumnNr(),
            "unexpected content after the end of the document"));
        return null;
      }
      return n;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String m = e.getOriginalMessage();
      int nl = m == null ? -1 : m.indexOf('\n');
      problems.add(new PolicyProblem("", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "not well-formed JSON: " + (nl < 0 ? m : m.substring(0, nl))));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private void problem(String ptr, String message) {
    problems.add(new PolicyProblem(ptr, 0, 0, message));
  }

  private ObjectNode object(JsonNode n, String ptr, Set<String> known) {
    if (!(n instanceof ObjectNode o)) {
      problem(ptr, "must be an object, got " + describe(n));
      return null;
    }
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      if (!known.contains(e.getKey())) {
        problem(ptr + "/" + e.getKey(), "unknown field '" + e.getKey() + "' (expected one of: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return o;
  }

  private ConceptSet set(JsonNode root) {
    ObjectNode o = object(root, "", SET_FIELDS);
    if (o == null) {
      return null;
    }
    JsonNode sp = o.get("space");
    if (sp != null && !(sp.isTextual() && sp.textValue().equals(space.name()))) {
      problem("/space", "the file is for space " + describe(sp) + " but was loaded for " + space.name());
    }
    JsonNode dim = o.get("dimension");
    if (dim != null && !(dim.isIntegralNumber() && dim.intValue() == space.dimension())) {
      problem("/dimension", "the file is for dimension " + describe(dim) + " but space " + space.name()
          + " has " + space.dimension());
    }
    ConceptSet.Builder b = ConceptSet.builder(space);
    JsonNode adj = o.get("specialCareAdjustment");
    if (adj != null) {
      if (!adj.isNumber() || !(adj.doubleValue() >= 0 && adj.doubleValue() <= 1)) {
        problem("/specialCareAdjustment", "must be a number in [0, 1], got " + describe(adj));
      } else {
        b.specialCareAdjustment(adj.doubleValue());
      }
    }
    JsonNode dec = o.get("scoreDecimals");
    if (dec != null) {
      if (dec.isNull()) {
        b.scoreDecimals(ConceptSet.NO_ROUNDING);
      } else if (!dec.isIntegralNumber() || dec.intValue() < 0 || dec.intValue() > 9) {
        problem("/scoreDecimals", "must be a whole number from 0 to 9, or null for no rounding, got "
            + describe(dec));
      } else {
        b.scoreDecimals(dec.intValue());
      }
    }
    Set<String> ids = new java.util.HashSet<>();
    for (Concept c : concepts(o, "concepts", ids)) {
      b.concept(c);
    }
    for (Concept c : concepts(o, "specialCare", ids)) {
      b.specialCare(c);
    }
    JsonNode pairs = o.get("contrastive");
    if (pairs != null) {
      if (!pairs.isArray()) {
        problem("/contrastive", "must be an array, got " + describe(pairs));
      } else {
        for (int i = 0; i < pairs.size(); i++) {
          ContrastivePair p = pair(pairs.get(i), "/contrastive/" + i, ids);
          if (p != null) {
            b.pair(p);
          }
        }
      }
    }
    return problems.isEmpty() ? b.build() : null;
  }

  private List<Concept> concepts(ObjectNode o, String field, Set<String> ids) {
    JsonNode a = o.get(field);
    List<Concept> out = new ArrayList<>();
    if (a == null) {
      return out;
    }
    if (!a.isArray()) {
      problem("/" + field, "must be an array, got " + describe(a));
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      String ptr = "/" + field + "/" + i;
      ObjectNode c = object(a.get(i), ptr, CONCEPT_FIELDS);
      if (c == null) {
        continue;
      }
      String id = id(c, ptr, ids);
      Category cat = category(c, ptr);
      Severity sev = severity(c, ptr);
      Double threshold = number(c, ptr, "threshold", -1, 1, null);
      ImageEmbedding e = embedding(c.get("embedding"), ptr + "/embedding");
      if (id != null && cat != null && sev != null && threshold != null && e != null) {
        out.add(new Concept(id, cat, sev, e, threshold));
      }
    }
    return out;
  }

  private ContrastivePair pair(JsonNode n, String ptr, Set<String> ids) {
    ObjectNode c = object(n, ptr, PAIR_FIELDS);
    if (c == null) {
      return null;
    }
    String id = id(c, ptr, ids);
    Category cat = category(c, ptr);
    Severity sev = severity(c, ptr);
    Double margin = number(c, ptr, "margin", 0, 1.999, 0.0);
    JsonNode file = c.get("file");
    if (file != null) {
      if (c.has("appropriate") || c.has("inappropriate")) {
        problem(ptr, "give either 'file' or 'appropriate' and 'inappropriate', not both");
        return null;
      }
      if (!file.isTextual()) {
        problem(ptr + "/file", "must be a path, got " + describe(file));
        return null;
      }
      Path f = baseDir.resolve(file.textValue());
      if (!Files.isReadable(f)) {
        problem(ptr + "/file", "cannot read Q16 prompt file " + f);
        return null;
      }
      if (id == null || cat == null || sev == null || margin == null) {
        return null;
      }
      try {
        return q16(f, space, id, cat, sev).withMargin(margin);
      } catch (ConceptSetException e) {
        for (PolicyProblem p : e.problems()) {
          problem(ptr + "/file", f.getFileName() + p.pointer() + ": " + p.message());
        }
        return null;
      }
    }
    ImageEmbedding app = embedding(c.get("appropriate"), ptr + "/appropriate");
    ImageEmbedding inapp = embedding(c.get("inappropriate"), ptr + "/inappropriate");
    if (id == null || cat == null || sev == null || margin == null || app == null || inapp == null) {
      return null;
    }
    return new ContrastivePair(id, cat, sev, app, inapp, margin);
  }

  private ContrastivePair q16Pair(JsonNode root, String ptr, String id, Category cat, Severity sev,
      double margin) {
    ObjectNode o = object(root, ptr, Q16_FIELDS);
    if (o == null) {
      return null;
    }
    JsonNode rows = o.get("embeddings");
    if (rows == null || !rows.isArray() || rows.size() != 2) {
      problem(ptr + "/embeddings", "must be an array of two embeddings (appropriate, inappropriate), got "
          + describe(rows));
      return null;
    }
    ImageEmbedding app = embedding(rows.get(0), ptr + "/embeddings/0");
    ImageEmbedding inapp = embedding(rows.get(1), ptr + "/embeddings/1");
    return app == null || inapp == null ? null : new ContrastivePair(id, cat, sev, app, inapp, margin);
  }

  private String id(ObjectNode c, String ptr, Set<String> ids) {
    JsonNode v = c.get("id");
    if (v == null || !v.isTextual()) {
      problem(ptr + "/id", v == null ? "missing required field 'id'" : "must be a string, got " + describe(v));
      return null;
    }
    String id = v.textValue();
    if (!Concept.ID.matcher(id).matches() || id.isBlank()) {
      problem(ptr + "/id", "must be 1 to 128 printable characters, got " + describe(v));
      return null;
    }
    if (!ids.add(id)) {
      problem(ptr + "/id", "duplicate concept or pair id '" + id + "'");
      return null;
    }
    return id;
  }

  private Category category(ObjectNode c, String ptr) {
    JsonNode v = c.get("category");
    if (v == null || !v.isTextual() || !Category.isValidId(v.textValue())) {
      problem(ptr + "/category", v == null ? "missing required field 'category'"
          : "must be a category id such as 'sexual' or 'sexual/minors', got " + describe(v));
      return null;
    }
    return Category.of(v.textValue());
  }

  private Severity severity(ObjectNode c, String ptr) {
    JsonNode v = c.get("severity");
    if (v == null) {
      return Severity.MEDIUM;
    }
    if (v.isTextual()) {
      for (Severity s : Severity.values()) {
        if (s.name().toLowerCase(Locale.ROOT).equals(v.textValue())) {
          return s;
        }
      }
    }
    problem(ptr + "/severity", "must be one of low, medium, high, critical, got " + describe(v));
    return null;
  }

  private Double number(ObjectNode c, String ptr, String field, double min, double max, Double dflt) {
    JsonNode v = c.get(field);
    if (v == null) {
      if (dflt == null) {
        problem(ptr, "missing required field '" + field + "'");
      }
      return dflt;
    }
    if (!v.isNumber() || !(v.doubleValue() >= min && v.doubleValue() <= max)) {
      problem(ptr + "/" + field, "must be a number in [" + min + ", " + max + "], got " + describe(v));
      return null;
    }
    return v.doubleValue();
  }

  private ImageEmbedding embedding(JsonNode v, String ptr) {
    if (v == null || !v.isArray()) {
      problem(ptr, v == null ? "missing embedding" : "must be an array of numbers, got " + describe(v));
      return null;
    }
    float[] f = new float[v.size()];
    for (int i = 0; i < f.length; i++) {
      JsonNode x = v.get(i);
      if (!x.isNumber()) {
        problem(ptr + "/" + i, "must be a number, got " + describe(x));
        return null;
      }
      f[i] = x.floatValue();
    }
    try {
      return space.embed(f);
    } catch (EmbeddingException e) {
      problem(ptr, e.getMessage());
      return null;
    }
  }

  private static String describe(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      String t = v.textValue();
      return "'" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
    }
    if (v.isNumber()) {
      return "number " + v.asText();
    }
    if (v.isBoolean()) {
      return v.asText();
    }
    return v.isArray() ? "an array of " + v.size() : "an object";
  }
}
