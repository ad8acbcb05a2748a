package dev.warden.consent.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.consent.internal.AtomicFiles;
import dev.warden.consent.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an unfinished retention run stands: an append-only JSON Lines file, one line with the whole
 * state per batch, forced to disk before the batch's erasure, so a batch costs one {@code fsync};
 * the last complete line is the state (docs/retention-and-dsr.md). Subjects appear only as erasure
 * digests. Not thread-safe: one run owns it.
 */
final class Checkpoint implements AutoCloseable {

  static final String FILE = "retention-checkpoint.jsonl";
  static final String FORMAT = "warden-retention-checkpoint";

  final String run;
  final Instant at;
  final String policy;
  final Set<String> completed = new LinkedHashSet<>();
  final Map<String, long[]> counts = new LinkedHashMap<>(); // phase -> erased, kept, held, recovered
  String phase;
  String cursor; // the last subject digest of the phase whose batch is done
  String inflightLast; // the last subject digest of the batch being erased, after the cursor
  long inflightRecords;
  private FileChannel out;

  Checkpoint(String run, Instant at, String policy) {
    this.run = run;
    this.at = at;
    this.policy = policy;
  }

  long[] counts(String phase) {
    return counts.computeIfAbsent(phase, k -> new long[4]);
  }

  /** The state in {@code dir}, or null if no run is unfinished there. */
  static Checkpoint read(Path dir) {
    if (dir == null) {
      return null;
    }
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n'); // a torn last line is a state that was never forced
      String last = null;
      for (String line : text.substring(0, Math.max(0, end)).split("\n")) {
        if (!line.isBlank()) {
          last = line;
        }
      }
      if (last == null) {
        return null; // the run crashed before its first state was written: it erased nothing
      }
      return parse(Json.read(last), file);
    } catch (IOException | RuntimeException e) {
      if (e instanceof RetentionException r) {
        throw r;
      }
      throw new RetentionException("cannot read the retention checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  private static Checkpoint parse(JsonNode n, Path file) {
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
    c.inflightLast = text(n, "inflightLast");
    c.inflightRecords = n.path("inflightRecords").asLong();
    return c;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Appends the current state and forces it to disk. */
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
    m.put("inflightLast", inflightLast);
    m.put("inflightRecords", inflightRecords);
    try {
      if (out == null) {
        Files.createDirectories(dir);
        out = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        cutTornLine(dir.resolve(FILE));
        AtomicFiles.forceDirectory(dir);
      }
      ByteBuffer b = ByteBuffer.wrap((Json.line(m) + "\n").getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        out.write(b);
      }
      out.force(false);
    } catch (IOException e) {
      throw new RetentionException("cannot write the retention checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Cuts a line a crash left half-written, so the next line starts on its own. */
  private void cutTornLine(Path file) throws IOException {
    long size = out.size();
    if (size == 0) {
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      out.truncate(end);
    }
  }

  /** Removes the checkpoint: the run is finished. */
  void delete(Path dir) {
    close();
    if (dir == null) {
      return;
    }
    try {
      AtomicFiles.delete(dir.resolve(FILE));
    } catch (IOException e) {
      throw new RetentionException("cannot remove the retention checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // nothing to keep: every state written was forced
      }
      out = null;
    }
  }
}
