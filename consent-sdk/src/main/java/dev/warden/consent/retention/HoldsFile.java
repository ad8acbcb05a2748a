package dev.warden.consent.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.consent.internal.AtomicFiles;
import dev.warden.consent.internal.Json;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads and rewrites the legal holds file (docs/retention-and-dsr.md). */
final class HoldsFile {

  static final String FORMAT = "warden-legal-holds";

  private HoldsFile() {}

  /** The holds in the file by id, oldest first; empty if there is no file. */
  static Map<String, LegalHold> read(Path file) throws IOException {
    Map<String, LegalHold> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    JsonNode root;
    try {
      root = Json.read(file);
    } catch (IOException e) {
      throw new IOException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("not a legal holds file (no \"format\": \"" + FORMAT + "\")");
    }
    int i = 0;
    for (JsonNode h : root.path("holds")) {
      try {
        LegalHold hold = parse(h);
        out.put(hold.id(), hold);
      } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
        throw new IOException("/holds/" + i + ": " + e.getMessage(), e);
      }
      i++;
    }
    return out;
  }

  /** Applies {@code change} to the file's current holds under an exclusive lock, and writes them. */
  static Map<String, LegalHold> update(Path file, Consumer<Map<String, LegalHold>> change) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    try (FileChannel ch = FileChannel.open(dir.resolve(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      Map<String, LegalHold> holds = read(file);
      change.accept(holds);
      AtomicFiles.write(file, Json.pretty(toJson(holds.values())));
      return holds;
    }
  }

  private static Map<String, Object> toJson(Iterable<LegalHold> holds) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (LegalHold h : holds) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", h.id());
      h.scope().subject().ifPresent(s -> m.put("subject", s.value()));
      h.scope().dataCategory().ifPresent(c -> m.put("dataCategory", c));
      m.put("reason", h.reason());
      m.put("placedAt", h.placedAt().toString());
      h.until().ifPresent(u -> m.put("until", u.toString()));
      h.releasedAt().ifPresent(r -> m.put("releasedAt", r.toString()));
      list.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("version", 1);
    root.put("holds", list);
    return root;
  }

  private static LegalHold parse(JsonNode h) {
    HoldScope scope = new HoldScope(text(h, "subject").map(Pseudonym::of), text(h, "dataCategory"));
    return new LegalHold(text(h, "id").orElseThrow(() -> new IllegalArgumentException("id is missing")), scope,
        text(h, "reason").orElseThrow(() -> new IllegalArgumentException("reason is missing")),
        Instant.parse(text(h, "placedAt").orElseThrow(() -> new IllegalArgumentException("placedAt is missing"))),
        text(h, "until").map(Instant::parse), text(h, "releasedAt").map(Instant::parse));
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
