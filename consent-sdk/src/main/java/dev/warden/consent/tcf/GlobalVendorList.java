package dev.warden.consent.tcf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IAB Global Vendor List (GVL, {@code vendor-list.json}, specification versions 2 and 3):
 * which purposes, features and legal bases each vendor declared. Loaded from a path the host
 * gives (Warden never downloads it). Immutable and thread-safe.
 *
 * <p>Only the fields the decision needs are read; others (names of purposes, stacks, data
 * categories, URLs, retention) are ignored, so newer lists still load. A field that is present
 * but has the wrong type fails with its JSON Pointer.
 */
public final class GlobalVendorList {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxDocumentLength(64L * 1024 * 1024)
          .maxNestingDepth(32)
          .maxStringLength(1024 * 1024)
          .maxNumberLength(32)
          .build())
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private final int gvlSpecificationVersion;
  private final int vendorListVersion;
  private final int tcfPolicyVersion;
  private final Instant lastUpdated;
  private final Map<Integer, String> purposes;
  private final Map<Integer, String> specialFeatures;
  private final GvlVendor[] vendorsById;
  private final int vendorCount;

  private GlobalVendorList(int specVersion, int listVersion, int policyVersion, Instant lastUpdated,
      Map<Integer, String> purposes, Map<Integer, String> specialFeatures, GvlVendor[] vendorsById, int count) {
    this.gvlSpecificationVersion = specVersion;
    this.vendorListVersion = listVersion;
    this.tcfPolicyVersion = policyVersion;
    this.lastUpdated = lastUpdated;
    this.purposes = purposes;
    this.specialFeatures = specialFeatures;
    this.vendorsById = vendorsById;
    this.vendorCount = count;
  }

  /**
   * Reads a GVL file.
   *
   * @throws GvlException when the document is not a GVL, with the JSON Pointer at fault
   * @throws UncheckedIOException when the file cannot be read
   */
  public static GlobalVendorList load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Global Vendor List " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a GVL document from a stream (not closed).
   *
   * @throws GvlException when the document is not a GVL, with the JSON Pointer at fault
   */
  public static GlobalVendorList parse(InputStream in) {
    JsonNode root;
    try (JsonParser p = FACTORY.createParser(in)) {
      root = MAPPER.readTree(p);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GvlException("", "not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr()), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Global Vendor List: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new GvlException("", "must be a JSON object");
    }
    int spec = root.has("gvlSpecificationVersion") ? intAt(root, "/gvlSpecificationVersion", 1, 99) : 2;
    int listVersion = intAt(root, "/vendorListVersion", 1, TcLimits.MAX_12_BIT);
    int policy = intAt(root, "/tcfPolicyVersion", 1, TcLimits.MAX_6_BIT);
    Instant updated = root.has("lastUpdated") ? instantAt(root, "/lastUpdated") : Instant.EPOCH;
    Map<Integer, String> purposes = names(root, "/purposes");
    Map<Integer, String> special = names(root, "/specialFeatures");
    JsonNode vendors = objectAt(root, "/vendors");
    GvlVendor[] byId = new GvlVendor[0];
    int count = 0;
    for (Map.Entry<String, JsonNode> e : vendors.properties()) {
      String at = "/vendors/" + escape(e.getKey());
      GvlVendor v = vendor(e.getValue(), at);
      if (!e.getKey().equals(Integer.toString(v.id()))) {
        throw new GvlException(at + "/id", "id " + v.id() + " does not match its key '" + e.getKey() + "'");
      }
      if (v.id() >= byId.length) {
        byId = java.util.Arrays.copyOf(byId, Math.max(v.id() + 1, byId.length * 2));
      }
      byId[v.id()] = v;
      count++;
    }
    return new GlobalVendorList(spec, listVersion, policy, updated, purposes, special, byId, count);
  }

  private static GvlVendor vendor(JsonNode v, String at) {
    if (!v.isObject()) {
      throw new GvlException(at, "must be an object");
    }
    int id = intAt(v, at, "id", 1, TcLimits.MAX_VENDOR_ID);
    JsonNode name = v.get("name");
    if (name != null && !name.isTextual()) {
      throw new GvlException(at + "/name", "must be a string");
    }
    Optional<Instant> deleted = v.hasNonNull("deletedDate") ? Optional.of(instantAt(v, at, "deletedDate"))
        : Optional.empty();
    return new GvlVendor(id, name == null ? "" : name.asText(), ids(v, at, "purposes"), ids(v, at, "legIntPurposes"),
        ids(v, at, "flexiblePurposes"), ids(v, at, "specialPurposes"), ids(v, at, "features"),
        ids(v, at, "specialFeatures"), deleted);
  }

  private static IdSet ids(JsonNode parent, String at, String field) {
    JsonNode a = parent.get(field);
    if (a == null || a.isNull()) {
      return IdSet.empty();
    }
    if (!a.isArray()) {
      throw new GvlException(at + "/" + field, "must be an array of ids");
    }
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode n = a.get(i);
      if (!n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 1 || n.intValue() > 64) {
        throw new GvlException(at + "/" + field + "/" + i, "must be an id from 1 to 64, got " + n);
      }
      out[i] = n.intValue();
    }
    return IdSet.of(out);
  }

  private static int intAt(JsonNode root, String pointer, int min, int max) {
    return intAt(root, "", pointer.substring(1), min, max);
  }

  private static int intAt(JsonNode parent, String at, String field, int min, int max) {
    JsonNode n = parent.get(field);
    if (n == null) {
      throw new GvlException(at + "/" + field, "is required");
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
      throw new GvlException(at + "/" + field, "must be an integer from " + min + " to " + max + ", got " + n);
    }
    return n.intValue();
  }

  private static Instant instantAt(JsonNode root, String pointer) {
    return instantAt(root, "", pointer.substring(1));
  }

  private static Instant instantAt(JsonNode parent, String at, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isTextual()) {
      throw new GvlException(at + "/" + field, "must be an ISO-8601 date-time string");
    }
    try {
      return OffsetDateTime.parse(n.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new GvlException(at + "/" + field, "must be an ISO-8601 date-time, got '" + n.asText() + "'");
    }
  }

  private static JsonNode objectAt(JsonNode root, String pointer) {
    JsonNode n = root.at(pointer);
    if (!n.isObject()) {
      throw new GvlException(pointer, n.isMissingNode() ? "is required" : "must be an object keyed by id");
    }
    return n;
  }

  private static Map<Integer, String> names(JsonNode root, String pointer) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return Map.of();
    }
    if (!n.isObject()) {
      throw new GvlException(pointer, "must be an object keyed by id");
    }
    Map<Integer, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String at = pointer + "/" + escape(e.getKey());
      int id = intAt(e.getValue(), at, "id", 1, 64);
      JsonNode name = e.getValue().get("name");
      out.put(id, name != null && name.isTextual() ? name.asText() : "");
    }
    return Collections.unmodifiableMap(out);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The GVL format version (3 for TCF 2.2 and later). */
  public int gvlSpecificationVersion() {
    return gvlSpecificationVersion;
  }

  /** The list's version, compared with a TC string's {@code vendorListVersion}. */
  public int vendorListVersion() {
    return vendorListVersion;
  }

  /** The TCF policy version the list was published under. */
  public int tcfPolicyVersion() {
    return tcfPolicyVersion;
  }

  /** When the list was published. */
  public Instant lastUpdated() {
    return lastUpdated;
  }

  /** Purpose names by id. */
  public Map<Integer, String> purposes() {
    return purposes;
  }

  /** Special feature names by id. */
  public Map<Integer, String> specialFeatures() {
    return specialFeatures;
  }

  /** The vendor with this id, if the list has it (deleted vendors included). */
  public Optional<GvlVendor> vendor(int id) {
    return Optional.ofNullable(find(id));
  }

  GvlVendor find(int id) {
    return id >= 0 && id < vendorsById.length ? vendorsById[id] : null;
  }

  /** The number of vendors in the list. */
  public int vendorCount() {
    return vendorCount;
  }
}
