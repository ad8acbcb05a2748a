package dev.warden.consent.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.consent.internal.AtomicFiles;
import dev.warden.consent.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an interrupted retention run stands, written after every batch (docs/retention-and-dsr.md).
 * Subjects appear only as erasure digests. Not thread-safe: one run owns it.
 */
final class Checkpoint {

  static final String FILE = "retention-checkpoint.json";
  static final String FORMAT = "warden-retention-checkpoint";

  final String run;
  final Instant at;
  final String policy;
  final Set<String> completed = new LinkedHashSet<>();
  final Map<String, long[]> counts = new LinkedHashMap<>(); // phase -> erased, kept, held, recovered
  String phase;
  String cursor; // the last subject digest of the phase whose batch is done
  List<String> inflight = List.of(); // digests of the subjects of the batch being erased
  long inflightRecords;

  Checkpoint(String run, Instant at, String policy) {
    this.run = run;
    this.at = at;
    this.policy = policy;
  }

  long[] counts(String phase) {
    return counts.computeIfAbsent(phase, k -> new long[4]);
  }

  static Checkpoint read(Path dir) {
    if (dir == null) {
      return null;
    }
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      JsonNode n = Json.read(file);
      if (!FORMAT.equals(n.path("format").asText())) {
        throw new RetentionException(file + " is not a retention checkpoint");
      }
      Checkpoint c = new Checkpoint(n.path("run").asText(), Instant.parse(n.path("at").asText()),
          n.path("policy").asText());
      n.path("completed").forEach(p -> c.completed.add(p.asText()));
      n.path("counts").fields().forEachRemaining(e -> {
        long[] v = c.counts(e.getKey());
        for (int i = 0; i < v.length; i++) {
          v[i] = e.getValue().path(i).asLong();
        }
      });
      c.phase = text(n, "phase");
      c.cursor = text(n, "cursor");
      List<String> in = new ArrayList<>();
      n.path("inflight").path("subjects").forEach(s -> in.add(s.asText()));
      c.inflight = List.copyOf(in);
      c.inflightRecords = n.path("inflight").path("records").asLong();
      return c;
    } catch (IOException | RuntimeException e) {
      if (e instanceof RetentionException r) {
        throw r;
      }
      throw new RetentionException("cannot read the retention checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  void write(Path dir) {
    if (dir == null) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("version", 1);
    m.put("run", run);
    m.put("at", at.toString());
    m.put("policy", policy);
    m.put("completed", List.copyOf(completed));
    Map<String, Object> cs = new LinkedHashMap<>();
    counts.forEach((k, v) -> cs.put(k, List.of(v[0], v[1], v[2], v[3])));
    m.put("counts", cs);
    m.put("phase", phase);
    m.put("cursor", cursor);
    m.put("inflight", Map.of("subjects", inflight, "records", inflightRecords));
    try {
      AtomicFiles.write(dir.resolve(FILE), Json.line(m).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RetentionException("cannot write the retention checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }

  static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      AtomicFiles.delete(dir.resolve(FILE));
    } catch (IOException e) {
      throw new RetentionException("cannot remove the retention checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }
}
