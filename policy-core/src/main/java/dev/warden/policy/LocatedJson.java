package dev.warden.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document parsed into a tree, with the line and column of every value by JSON Pointer.
 * Reports duplicate keys (which Jackson's tree would silently overwrite) and enforces size limits
 * so that a hostile document fails fast instead of exhausting memory.
 */
final class LocatedJson {

  static final int MAX_DEPTH = 32;
  static final long MAX_DOCUMENT_CHARS = 4L * 1024 * 1024;
  static final int MAX_STRING_CHARS = 64 * 1024;
  static final long MAX_TOKENS = 500_000;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxDocumentLength(MAX_DOCUMENT_CHARS)
          .maxStringLength(MAX_STRING_CHARS)
          .maxNameLength(1024)
          .maxNumberLength(64)
          .maxTokenCount(MAX_TOKENS)
          .build())
      .build();

  final JsonNode root;
  final List<PolicyProblem> problems;
  private final Map<String, int[]> locations;

  private LocatedJson(JsonNode root, List<PolicyProblem> problems, Map<String, int[]> locations) {
    this.root = root;
    this.problems = problems;
    this.locations = locations;
  }

  /** The problem at {@code pointer}, located at the value there or its nearest located parent. */
  PolicyProblem problem(String pointer, String message) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      int[] at = locations.get(p);
      if (at != null) {
        return new PolicyProblem(pointer, at[0], at[1], message);
      }
      if (p.isEmpty()) {
        return PolicyProblem.at(pointer, message);
      }
    }
  }

  static LocatedJson parse(Reader in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return parse(p);
    }
  }

  static LocatedJson parse(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return parse(p);
    }
  }

  private static LocatedJson parse(JsonParser p) throws IOException {
    Map<String, int[]> locations = new HashMap<>();
    List<PolicyProblem> problems = new ArrayList<>();
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(new PolicyProblem("", 1, 1, "the document is empty"));
        return new LocatedJson(null, problems, locations);
      }
      JsonNode root = value(p, t, "", locations, problems);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        JsonLocation at = p.currentTokenLocation();
        problems.add(new PolicyProblem("", at.getLineNr(), at.getColumnNr(),
            "unexpected content after the end of the document"));
      }
      return new LocatedJson(root, problems, locations);
    } catch (StreamConstraintsException e) {
      JsonLocation at = p.currentLocation();
      problems.add(new PolicyProblem("", at.getLineNr(), at.getColumnNr(),
          "document exceeds a size limit (depth " + MAX_DEPTH + ", " + MAX_DOCUMENT_CHARS
              + " characters, strings of " + MAX_STRING_CHARS + " characters, " + MAX_TOKENS
              + " tokens): " + e.getOriginalMessage()));
      return new LocatedJson(null, problems, locations);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
      problems.add(new PolicyProblem("", at.getLineNr(), at.getColumnNr(),
          "not well-formed JSON: " + firstLine(e.getOriginalMessage())));
      return new LocatedJson(null, problems, locations);
    }
  }

  private static JsonNode value(
      JsonParser p, JsonToken t, String ptr, Map<String, int[]> loc, List<PolicyProblem> problems)
      throws IOException {
    JsonLocation at = p.currentTokenLocation();
    loc.putIfAbsent(ptr, new int[] {at.getLineNr(), at.getColumnNr()});
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = f.objectNode();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          JsonLocation keyAt = p.currentTokenLocation();
          String child = ptr + "/" + JsonNames.pointerToken(name);
          JsonNode v = value(p, p.nextToken(), child, loc, problems);
          if (o.has(name)) {
            problems.add(new PolicyProblem(child, keyAt.getLineNr(), keyAt.getColumnNr(),
                "duplicate field '" + name + "'"));
          } else {
            o.set(name, v);
          }
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = f.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e, ptr + "/" + a.size(), loc, problems));
        }
        return a;
      }
      case VALUE_STRING:
        return f.textNode(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return f.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return f.booleanNode(true);
      case VALUE_FALSE:
        return f.booleanNode(false);
      case VALUE_NULL:
        return f.nullNode();
      default:
        throw new IllegalStateException("unexpected token " + t + " at " + ptr);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
