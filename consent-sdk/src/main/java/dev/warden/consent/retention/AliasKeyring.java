package dev.warden.consent.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.consent.internal.AtomicFiles;
import dev.warden.consent.internal.Json;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping from pseudonyms to the aliases the audit journal names them by, one alias per
 * subject, data category and day: an append-only file of new aliases, late entries and erasures,
 * rewritten without what was erased by {@link #purge()} (docs/retention-and-dsr.md). Thread-safe.
 */
final class AliasKeyring implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AliasKeyring.class);
  static final String FILE = "keyring.jsonl";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One alias: whose, which category, which day, and the latest entry stamped after that day. */
  record Bucket(String alias, Pseudonym subject, String category, LocalDate day, Instant last) {
    /** No entry under this alias is later than this instant. */
    Instant collectedAt() {
      Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      return last != null && last.isAfter(dayEnd) ? last : dayEnd;
    }

    Bucket withLast(Instant t) {
      return new Bucket(alias, subject, category, day, t);
    }
  }

  private record Key(Pseudonym subject, String category, LocalDate day) {}

  private final Path file;
  private final boolean force;
  private final Map<Key, Bucket> byKey = new ConcurrentHashMap<>();
  private final Map<String, Bucket> byAlias = new ConcurrentHashMap<>();
  private final Map<Pseudonym, Set<String>> bySubject = new ConcurrentHashMap<>();
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel out; // guarded by this
  private long erasedSincePurge; // guarded by this

  private AliasKeyring(Path file, boolean force, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.force = force;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the keyring in {@code dir}, cutting a torn last line and rewriting the file if it still
   * holds erased aliases.
   *
   * @param force whether new aliases are forced to disk before they are used (erasures always are)
   */
  static AliasKeyring open(Path dir, boolean force) {
    FileChannel lc = null;
    try {
      Files.createDirectories(dir);
      lc = FileChannel.open(dir.resolve("keyring.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = lc.tryLock();
      if (l == null) {
        throw new RetentionException("the alias keyring in " + dir + " is already open in another process");
      }
      AliasKeyring k = new AliasKeyring(dir.resolve(FILE), force, lc, l);
      k.load();
      return k;
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      closeQuietly(lc);
      throw new RetentionException("cannot open the alias keyring in " + dir + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(lc);
      throw e;
    }
  }

  private void load() throws IOException {
    long erased = 0;
    if (Files.exists(file)) {
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      if (end < bytes.length) {
        LOG.warn("alias keyring {}: cut a torn last line ({} bytes)", file, bytes.length - end);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(end);
          ch.force(true);
        }
      }
      String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          erased += apply(lines[i], i + 1);
        }
      }
    }
    out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    erasedSincePurge = erased;
    purge();
  }

  /** Applies one line; returns 1 for an erasure. */
  private int apply(String line, int number) {
    try {
      JsonNode n = Json.read(line);
      if (n.has("erased")) {
        remove(n.get("erased").asText());
        return 1;
      }
      String alias = n.get("alias").asText();
      if (n.has("last")) {
        Bucket b = byAlias.get(alias);
        if (b != null) {
          put(b.withLast(Instant.parse(n.get("last").asText())));
        }
        return 0;
      }
      put(new Bucket(alias, Pseudonym.of(n.get("subject").asText()), n.get("category").asText(),
          LocalDate.parse(n.get("day").asText()), null));
      return 0;
    } catch (RuntimeException e) {
      throw new RetentionException(file + " line " + number + " is not a keyring entry: " + e.getMessage(), e);
    }
  }

  private void put(Bucket b) {
    byKey.put(new Key(b.subject(), b.category(), b.day()), b);
    byAlias.put(b.alias(), b);
    bySubject.computeIfAbsent(b.subject(), k -> ConcurrentHashMap.newKeySet()).add(b.alias());
  }

  private boolean remove(String alias) {
    Bucket b = byAlias.remove(alias);
    if (b == null) {
      return false;
    }
    byKey.remove(new Key(b.subject(), b.category(), b.day()));
    bySubject.computeIfPresent(b.subject(), (k, set) -> {
      set.remove(alias);
      return set.isEmpty() ? null : set;
    });
    return true;
  }

  /** The alias of the subject's entries of this category on this day, created when first needed. */
  String aliasFor(Pseudonym subject, String category, LocalDate day) {
    Key key = new Key(subject, category, day);
    Bucket b = byKey.get(key);
    if (b != null) {
      return b.alias();
    }
    synchronized (this) {
      b = byKey.get(key);
      if (b != null) {
        return b.alias();
      }
      byte[] r = new byte[16];
      RANDOM.nextBytes(r);
      b = new Bucket("sa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(r), subject, category, day, null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("alias", b.alias());
      m.put("subject", subject.value());
      m.put("category", category);
      m.put("day", day.toString());
      write(List.of(Json.line(m)), force);
      put(b);
      return b.alias();
    }
  }

  /** Records that an entry under {@code alias} was stamped at {@code t}, after the alias's day. */
  synchronized void noteLast(String alias, Instant t) {
    Bucket b = byAlias.get(alias);
    if (b != null && (b.last() == null || t.isAfter(b.last()))) {
      write(List.of(Json.line(Map.of("alias", alias, "last", t.toString()))), force);
      put(b.withLast(t));
    }
  }

  /** The subject's aliases. */
  List<Bucket> of(Pseudonym subject) {
    Set<String> aliases = bySubject.get(subject);
    List<Bucket> out = new ArrayList<>();
    if (aliases != null) {
      for (String a : aliases) {
        Bucket b = byAlias.get(a);
        if (b != null) {
          out.add(b);
        }
      }
    }
    return out;
  }

  Bucket get(String alias) {
    return byAlias.get(alias);
  }

  Collection<Bucket> all() {
    return List.copyOf(byAlias.values());
  }

  /** Erases these aliases durably; returns how many existed. */
  synchronized int erase(Collection<String> aliases) {
    List<String> lines = new ArrayList<>();
    for (String a : aliases) {
      if (byAlias.containsKey(a)) {
        lines.add(Json.line(Map.of("erased", a)));
      }
    }
    if (lines.isEmpty()) {
      return 0;
    }
    write(lines, true);
    int n = 0;
    for (String a : aliases) {
      if (remove(a)) {
        n++;
      }
    }
    erasedSincePurge += n;
    return n;
  }

  /** Rewrites the file without erased aliases, if there are any. */
  synchronized void purge() {
    if (erasedSincePurge == 0) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Bucket b : byAlias.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("alias", b.alias());
      m.put("subject", b.subject().value());
      m.put("category", b.category());
      m.put("day", b.day().toString());
      sb.append(Json.line(m)).append('\n');
      if (b.last() != null) {
        sb.append(Json.line(Map.of("alias", b.alias(), "last", b.last().toString()))).append('\n');
      }
    }
    try {
      out.close();
      AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
      out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      erasedSincePurge = 0;
    } catch (IOException e) {
      throw new RetentionException("cannot rewrite the alias keyring " + file + ": " + e.getMessage(), e);
    }
  }

  synchronized void sync() {
    try {
      out.force(false);
    } catch (IOException e) {
      throw new RetentionException("cannot sync the alias keyring " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(List<String> lines, boolean forceNow) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        out.write(b);
      }
      if (forceNow) {
        out.force(false);
      }
    } catch (IOException e) {
      throw new RetentionException("cannot write the alias keyring " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (out != null && out.isOpen()) {
        out.force(false);
      }
    } catch (IOException e) {
      LOG.debug("syncing the alias keyring failed", e);
    } finally {
      closeQuietly(out);
      try {
        lock.release();
      } catch (IOException e) {
        LOG.debug("releasing the keyring lock failed", e);
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        LOG.debug("close failed", e);
      }
    }
  }
}
