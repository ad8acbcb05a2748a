package dev.warden.consent.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generation's snapshot: every live record and every erasure proof at the moment the generation
 * began, as JSON Lines (docs/consent-ledger.md). The last line holds the SHA-256 of every byte
 * before it, so a damaged or edited snapshot is refused.
 */
final class SnapshotFile {

  static final String NAME = "snapshot.jsonl";
  static final String FORMAT = "warden-consent-snapshot";

  /** What a snapshot holds. */
  record Content(long generation, List<ConsentRecord> records, List<ErasureProof> erasures, String sha256) {}

  private SnapshotFile() {}

  /** Writes atomically (temporary file, fsync, rename) and returns the body's SHA-256. */
  static String write(Path dir, long generation, Instant createdAt, String previousHash,
      Iterable<List<ConsentRecord>> subjects, Iterable<ErasureProof> erasures, long records, long erasureCount)
      throws IOException {
    MessageDigest sha = sha256();
    Path tmp = dir.resolve(NAME + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("format", FORMAT);
      header.put("version", 1);
      header.put("generation", generation);
      header.put("createdAt", createdAt.toString());
      header.put("previousHash", previousHash);
      header.put("records", records);
      header.put("erasures", erasureCount);
      writeLine(out, sha, RecordCodec.json(header));
      for (ErasureProof p : erasures) {
        writeLine(out, sha, RecordCodec.json(Map.of("erasure", RecordCodec.toMap(p))));
      }
      for (List<ConsentRecord> rs : subjects) {
        for (ConsentRecord r : rs) {
          writeLine(out, sha, RecordCodec.json(Map.of("record", RecordCodec.toMap(r))));
        }
      }
      String hex = HexFormat.of().formatHex(sha.digest());
      out.write(("{\"sha256\":\"" + hex + "\"}\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return hex;
    }
  }

  private static void writeLine(OutputStream out, MessageDigest sha, String json) throws IOException {
    byte[] b = (json + "\n").getBytes(StandardCharsets.UTF_8);
    sha.update(b);
    out.write(b);
  }

  /** Reads and checks a snapshot; throws {@link ConsentStoreException} naming the line. */
  static Content read(Path file) {
    MessageDigest sha = sha256();
    List<ConsentRecord> records = new ArrayList<>();
    List<ErasureProof> erasures = new ArrayList<>();
    long generation = -1;
    String expected = null;
    long lineNo = 0;
    try (InputStream in = Files.newInputStream(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (expected != null) {
          throw new ConsentStoreException(file, "line " + lineNo + ": data after the checksum line");
        }
        JsonNode n;
        try {
          n = RecordCodec.JSON.readTree(line);
        } catch (IOException e) {
          throw new ConsentStoreException(file, "line " + lineNo + " is not JSON (the snapshot is damaged)", e);
        }
        if (n.has("sha256") && n.size() == 1) {
          expected = n.get("sha256").asText();
          continue;
        }
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
          if (lineNo == 1) {
            if (!FORMAT.equals(n.path("format").asText()) || n.path("version").asInt() != 1) {
              throw new IllegalArgumentException("not a version 1 " + FORMAT + " header");
            }
            generation = n.path("generation").asLong(-1);
          } else if (n.has("record")) {
            records.add(RecordCodec.record(RecordCodec.JSON.convertValue(n.get("record"), Map.class)));
          } else if (n.has("erasure")) {
            erasures.add(RecordCodec.erasure(RecordCodec.JSON.convertValue(n.get("erasure"), Map.class)));
          } else {
            throw new IllegalArgumentException("neither a record nor an erasure");
          }
        } catch (IllegalArgumentException e) {
          throw new ConsentStoreException(file, "line " + lineNo + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new ConsentStoreException(file, "cannot read the snapshot: " + e.getMessage(), e);
    }
    if (expected == null) {
      throw new ConsentStoreException(file, "the snapshot has no checksum line (it was cut short)");
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (!actual.equals(expected)) {
      throw new ConsentStoreException(file, "the snapshot does not match its checksum (it was modified or damaged)");
    }
    return new Content(generation, records, erasures, actual);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
