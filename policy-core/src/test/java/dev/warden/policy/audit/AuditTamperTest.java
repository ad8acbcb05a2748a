package dev.warden.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.audit.VerificationReport.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded randomized tampering: a random byte corrupted, an entry deleted, two entries swapped, an
 * entry inserted (a copy, or a forgery with a valid hash of its own), many times at random
 * positions. Verification must detect every one.
 */
class AuditTamperTest {

  private static final int ENTRIES = 60;
  private static final int ROUNDS = 400;

  @TempDir Path tmp;
  private List<List<byte[]>> segments; // segment -> lines (each with its newline)
  private byte[] head;
  private List<String> names;

  @BeforeEach
  void writeJournal() throws IOException {
    Path dir = tmp.resolve("original");
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    try (AuditJournal j = AuditJournal.builder(dir).clock(clock).maxSegmentBytes(4096)
        .durability(Durability.OS).open()) {
      for (int i = 0; i < ENTRIES; i++) {
        j.append(i % 3 == 0 ? "consent.granted" : "report.raised", Pseudonym.of("ps_" + (i % 7)),
            Map.of("i", i, "text", "entry number " + i + " \u00e9\u4e2d"));
        clock.advance(java.time.Duration.ofMinutes(1));
      }
    }
    segments = new ArrayList<>();
    names = new ArrayList<>();
    for (Path p : JournalFiles.segments(dir)) {
      names.add(p.getFileName().toString());
      segments.add(splitLines(Files.readAllBytes(p)));
    }
    head = Files.readAllBytes(dir.resolve(JournalFiles.HEAD));
    assertThat(segments).hasSizeGreaterThan(2);
    assertThat(verify(segments).ok()).as("the untouched copy verifies").isTrue();
  }

  @Test
  void corruptingAnyByteIsDetected() throws IOException {
    Random rnd = new Random(1L);
    for (int round = 0; round < ROUNDS; round++) {
      List<List<byte[]>> copy = deepCopy();
      int s = rnd.nextInt(copy.size());
      List<byte[]> lines = copy.get(s);
      int l = rnd.nextInt(lines.size());
      byte[] line = lines.get(l);
      int at = rnd.nextInt(line.length);
      byte old = line[at];
      byte b;
      do {
        b = (byte) rnd.nextInt(256);
      } while (b == old);
      line[at] = b;
      VerificationReport r = verify(copy);
      assertThat(r.ok()).as("round %d: byte %d of line %d in segment %d changed from %d to %d", round, at, l, s, old, b)
          .isFalse();
    }
  }

  @Test
  void deletingAnyEntryIsDetected() throws IOException {
    Random rnd = new Random(2L);
    for (int round = 0; round < ROUNDS; round++) {
      List<List<byte[]>> copy = deepCopy();
      int s = rnd.nextInt(copy.size());
      int l = rnd.nextInt(copy.get(s).size());
      copy.get(s).remove(l);
      VerificationReport r = verify(copy);
      assertThat(r.ok()).as("round %d: deleted line %d of segment %d", round, l, s).isFalse();
      assertThat(r.problems()).extracting(VerificationReport.Problem::kind)
          .containsAnyOf(Kind.MISSING, Kind.TRUNCATED);
    }
  }

  @Test
  void swappingAnyTwoEntriesIsDetected() throws IOException {
    Random rnd = new Random(3L);
    for (int round = 0; round < ROUNDS; round++) {
      List<List<byte[]>> copy = deepCopy();
      int s1 = rnd.nextInt(copy.size());
      int s2 = rnd.nextBoolean() ? s1 : rnd.nextInt(copy.size());
      int l1 = rnd.nextInt(copy.get(s1).size());
      int l2 = rnd.nextInt(copy.get(s2).size());
      if (s1 == s2 && l1 == l2) {
        l2 = (l1 + 1) % copy.get(s2).size();
      }
      byte[] a = copy.get(s1).get(l1);
      copy.get(s1).set(l1, copy.get(s2).get(l2));
      copy.get(s2).set(l2, a);
      VerificationReport r = verify(copy);
      assertThat(r.ok()).as("round %d: swapped %d/%d with %d/%d", round, s1, l1, s2, l2).isFalse();
      assertThat(r.problems()).extracting(VerificationReport.Problem::kind).contains(Kind.OUT_OF_ORDER);
    }
  }

  @Test
  void insertingACopiedOrForgedEntryIsDetected() throws IOException {
    Random rnd = new Random(4L);
    for (int round = 0; round < ROUNDS; round++) {
      List<List<byte[]>> copy = deepCopy();
      int s = rnd.nextInt(copy.size());
      List<byte[]> lines = copy.get(s);
      boolean lastSegment = s == copy.size() - 1;
      byte[] inserted;
      boolean copied = rnd.nextBoolean();
      // Without a key, a forgery appended after the last entry is indistinguishable from a real
      // append (see hmacKeyedJournalDetectsAForgedAppend); anywhere else it must be detected.
      int at = rnd.nextInt(lines.size() + (copied || !lastSegment ? 1 : 0));
      if (copied) {
        List<byte[]> from = copy.get(rnd.nextInt(copy.size()));
        inserted = from.get(rnd.nextInt(from.size())).clone();
      } else {
        inserted = forgeAfter(copy, s, at);
      }
      lines.add(at, inserted);
      VerificationReport r = verify(copy);
      assertThat(r.ok()).as("round %d: inserted at %d of segment %d", round, at, s).isFalse();
    }
  }

  @Test
  void hmacKeyedJournalDetectsAForgedAppend() throws IOException {
    byte[] key = "tamper-test-key-0123456789".getBytes(StandardCharsets.UTF_8);
    Path dir = tmp.resolve("keyed");
    try (AuditJournal j = AuditJournal.builder(dir).hmacKey(key).open()) {
      j.append("a", Map.of());
      j.append("b", Map.of());
    }
    Path seg = JournalFiles.segments(dir).get(0);
    List<byte[]> lines = splitLines(Files.readAllBytes(seg));
    byte[] last = lines.get(1);
    String prev = new String(last, last.length - 1 - EntryCodec.SUFFIX_LENGTH + EntryCodec.HASH_PREFIX.length,
        ChainHash.HEX_LENGTH, StandardCharsets.US_ASCII);
    EntryCodec codec = new EntryCodec();
    codec.encode(3, Instant.now(), "forged", null, Map.of(), prev, ChainHash.create(null));
    Files.write(seg, Arrays.copyOf(codec.bytes(), codec.length()), java.nio.file.StandardOpenOption.APPEND);
    assertThat(AuditJournal.verify(List.of(dir), key).problems()).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.MODIFIED));
  }

  @Test
  void problemsNameTheEntryAndTheReason() throws IOException {
    List<List<byte[]>> copy = deepCopy();
    byte[] line = copy.get(0).get(4);
    String text = new String(line, StandardCharsets.UTF_8).replace("entry number 4", "entry number 9");
    copy.get(0).set(4, text.getBytes(StandardCharsets.UTF_8));
    VerificationReport r = verify(copy);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.MODIFIED);
      assertThat(p.sequence()).isEqualTo(5);
      assertThat(p.line()).isEqualTo(5);
      assertThat(p.message()).isEqualTo("entry 5 does not match its hash: it was modified");
    });
    List<List<byte[]>> deleted = deepCopy();
    deleted.get(0).remove(6);
    assertThat(verify(deleted).problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.MISSING);
      assertThat(p.message()).isEqualTo("entry 7 is missing before entry 8");
    });
  }

  /** An entry with a valid hash of its own, chained to the entry before the insertion point. */
  private byte[] forgeAfter(List<List<byte[]>> copy, int s, int at) {
    byte[] before = null;
    if (at > 0) {
      before = copy.get(s).get(at - 1);
    } else {
      for (int k = s - 1; k >= 0 && before == null; k--) {
        if (!copy.get(k).isEmpty()) {
          before = copy.get(k).get(copy.get(k).size() - 1);
        }
      }
    }
    long seq = before == null ? 1 : JournalVerifier.parseSeq(before, before.length - 1) + 1;
    String prev = before == null ? ChainHash.GENESIS
        : new String(before, before.length - 1 - EntryCodec.SUFFIX_LENGTH + EntryCodec.HASH_PREFIX.length,
            ChainHash.HEX_LENGTH, StandardCharsets.US_ASCII);
    EntryCodec codec = new EntryCodec();
    codec.encode(seq, Instant.parse("2026-03-01T12:30:00Z"), "consent.granted", Pseudonym.of("ps_forged"),
        Map.of("forged", true), prev, ChainHash.create(null));
    return Arrays.copyOf(codec.bytes(), codec.length());
  }

  private VerificationReport verify(List<List<byte[]>> segs) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "copy");
    for (int i = 0; i < segs.size(); i++) {
      try (var out = Files.newOutputStream(dir.resolve(names.get(i)))) {
        for (byte[] line : segs.get(i)) {
          out.write(line);
        }
      }
    }
    Files.write(dir.resolve(JournalFiles.HEAD), head);
    VerificationReport r = AuditJournal.verify(List.of(dir), null);
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
    return r;
  }

  private List<List<byte[]>> deepCopy() {
    List<List<byte[]>> out = new ArrayList<>();
    for (List<byte[]> seg : segments) {
      List<byte[]> c = new ArrayList<>();
      for (byte[] line : seg) {
        c.add(line.clone());
      }
      out.add(c);
    }
    return out;
  }

  private static List<byte[]> splitLines(byte[] b) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        out.add(Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    assertThat(start).isEqualTo(b.length);
    return out;
  }
}
