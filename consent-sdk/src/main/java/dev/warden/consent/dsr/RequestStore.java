package dev.warden.consent.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.consent.internal.AtomicFiles;
import dev.warden.consent.internal.Json;
import dev.warden.consent.retention.PersonalRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where requests live: one JSON file per request, rewritten atomically after every step, and the
 * data each source returned for an access or export request until it is delivered
 * (docs/retention-and-dsr.md). Without a directory, in memory. Callers serialise writes.
 */
final class RequestStore implements AutoCloseable {

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, List<Object>> memoryParts = new ConcurrentHashMap<>();

  private RequestStore(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  static RequestStore inMemory() {
    return new RequestStore(null, null, null);
  }

  static RequestStore open(Path dir) {
    FileChannel ch = null;
    try {
      Files.createDirectories(dir.resolve("requests"));
      ch = FileChannel.open(dir.resolve("dsr.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) {
        throw new OverlappingFileLockException();
      }
      return new RequestStore(dir, ch, l);
    } catch (OverlappingFileLockException e) {
      close(ch);
      throw new DsrException("the request store " + dir + " is already open");
    } catch (IOException e) {
      close(ch);
      throw new DsrException("cannot open the request store " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Every stored request, by id. */
  Map<String, DataSubjectRequest> load() {
    Map<String, DataSubjectRequest> out = new LinkedHashMap<>();
    if (dir == null) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir.resolve("requests"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        try {
          DataSubjectRequest r = RequestCodec.fromJson(Json.read(f));
          out.put(r.id(), r);
        } catch (IOException | RuntimeException e) {
          throw new DsrException("cannot read the request " + f + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new DsrException("cannot list the requests in " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  void save(DataSubjectRequest r) {
    if (dir == null) {
      return;
    }
    try {
      AtomicFiles.write(dir.resolve("requests").resolve(r.id() + ".json"), Json.pretty(RequestCodec.toJson(r)));
    } catch (IOException e) {
      throw new DsrException("cannot write the request " + r.id() + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Keeps what a source returned for an access or export request. */
  void savePart(String requestId, String source, List<PersonalRecord> records) {
    List<Object> part = new ArrayList<>(records.size());
    for (PersonalRecord r : records) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("dataCategory", r.dataCategory());
      Map<String, Object> events = new LinkedHashMap<>();
      r.events().forEach((k, v) -> events.put(k.name().toLowerCase(Locale.ROOT).replace('_', '-'), v.toString()));
      m.put("events", events);
      if (!r.exemptions().isEmpty()) {
        m.put("exemptions", r.exemptions().stream().map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .sorted().toList());
      }
      m.put("content", r.data());
      part.add(m);
    }
    if (dir == null) {
      memoryParts.put(requestId + "/" + source, part);
      return;
    }
    try {
      AtomicFiles.write(dir.resolve("exports").resolve(requestId).resolve(source + ".json"), Json.pretty(part));
    } catch (IOException e) {
      throw new DsrException("cannot keep " + source + "'s data for request " + requestId + ": " + e.getMessage(), e);
    }
  }

  /** What a source returned for a request, as JSON, or null if nothing is kept. */
  JsonNode part(String requestId, String source) {
    if (dir == null) {
      List<Object> p = memoryParts.get(requestId + "/" + source);
      return p == null ? null : Json.MAPPER.valueToTree(p);
    }
    Path f = dir.resolve("exports").resolve(requestId).resolve(source + ".json");
    if (!Files.exists(f)) {
      return null;
    }
    try {
      return Json.read(f);
    } catch (IOException e) {
      throw new DsrException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  /** Deletes every part kept for a request. */
  void deleteParts(String requestId) {
    memoryParts.keySet().removeIf(k -> k.startsWith(requestId + "/"));
    if (dir == null) {
      return;
    }
    Path d = dir.resolve("exports").resolve(requestId);
    if (!Files.exists(d)) {
      return;
    }
    try (Stream<Path> files = Files.walk(d)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
      AtomicFiles.forceDirectory(dir.resolve("exports"));
    } catch (IOException e) {
      throw new DsrException("cannot delete the data kept for request " + requestId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException e) {
      // released when the channel closes
    } finally {
      close(lockChannel);
    }
  }

  private static void close(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }
}
