package dev.warden.policy.audit;

import dev.warden.policy.audit.VerificationReport.Kind;
import dev.warden.policy.audit.VerificationReport.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks journal files without parsing JSON: each line's hash against its bytes, its sequence
 * number against the one before, its {@code prev} against the hash before, and the end of the
 * journal against its head record.
 */
final class JournalVerifier {

  static final int MAX_LINE = 16 * 1024 * 1024;
  private static final int MAX_PROBLEMS = 10_000;

  private final ChainHash hasher;
  private final List<Problem> problems = new ArrayList<>();
  private long entries;
  private long firstSeq;
  private long lastSeq;
  private String lastHash = "";
  private final byte[] lastHashBytes = new byte[ChainHash.HEX_LENGTH];
  private boolean haveLast;
  private final byte[] hex = new byte[ChainHash.HEX_LENGTH];
  /** The first sequence number the current segment's name promises, or -1. */
  private long segmentFirst = -1;

  private JournalVerifier(byte[] key) {
    this.hasher = ChainHash.create(key);
  }

  static VerificationReport verify(List<Path> files, Path head, byte[] key) {
    JournalVerifier v = new JournalVerifier(key);
    for (int i = 0; i < files.size(); i++) {
      v.file(files.get(i), i == files.size() - 1);
    }
    v.lastHash = v.haveLast ? new String(v.lastHashBytes, StandardCharsets.US_ASCII) : "";
    if (head != null) {
      v.head(head);
    }
    return new VerificationReport(v.entries, v.firstSeq, v.lastSeq, v.lastHash, v.problems);
  }

  private void problem(Kind kind, Path file, long line, long seq, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(kind, file.toString(), line, seq, message));
    }
  }

  private void file(Path file, boolean last) {
    segmentFirst = JournalFiles.firstSequenceOf(file);
    byte[] line = new byte[4096];
    int len = 0;
    long lineNo = 0;
    boolean overlong = false;
    byte[] chunk = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] != '\n') {
            continue;
          }
          int part = i - start;
          if (!overlong) {
            if (len + part > MAX_LINE) {
              overlong = true;
            } else {
              if (len + part > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, len + part));
              }
              System.arraycopy(chunk, start, line, len, part);
              len += part;
            }
          }
          lineNo++;
          if (overlong) {
            problem(Kind.MALFORMED, file, lineNo, 0, "line longer than " + MAX_LINE + " bytes");
          } else {
            line(file, lineNo, line, len);
          }
          len = 0;
          overlong = false;
          start = i + 1;
        }
        int part = n - start;
        if (!overlong && len + part > MAX_LINE) {
          overlong = true;
        }
        if (!overlong && part > 0) {
          if (len + part > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, len + part));
          }
          System.arraycopy(chunk, start, line, len, part);
          len += part;
        }
      }
    } catch (IOException e) {
      problem(Kind.MALFORMED, file, 0, 0, "cannot read: " + e.getMessage());
      return;
    }
    if (!overlong && allZero(line, len)) {
      return; // space a mapped segment was extended by, not yet written
    }
    if (len > 0 || overlong) {
      if (last) {
        problem(Kind.TORN_TAIL, file, lineNo + 1, 0, "the last line is incomplete (" + len
            + " bytes without a newline), as a crash during a write leaves it; reopening the journal repairs it");
      } else {
        problem(Kind.MALFORMED, file, lineNo + 1, 0,
            "the file ends in an incomplete line, but a later file follows it");
      }
    }
  }

  private void line(Path file, long lineNo, byte[] b, int len) {
    long seq = parseSeq(b, len);
    if (seq < 1 || len < EntryCodec.SEQ_PREFIX.length + EntryCodec.PREV_LENGTH + EntryCodec.SUFFIX_LENGTH
        || !endsWithHashSuffix(b, len)) {
      problem(Kind.MALFORMED, file, lineNo, Math.max(seq, 0), "not a journal entry");
      return;
    }
    int bodyEnd = len - EntryCodec.SUFFIX_LENGTH;
    int prevAt = bodyEnd - ChainHash.HEX_LENGTH - 1;
    if (!regionEquals(b, prevAt - EntryCodec.PREV_PREFIX.length, EntryCodec.PREV_PREFIX)
        || b[bodyEnd - 1] != '"') {
      problem(Kind.MALFORMED, file, lineNo, seq, "entry " + seq + " has no prev hash");
      return;
    }
    entries++;
    byte[] digest = hasher.hash(b, 0, bodyEnd);
    toHex(digest, hex);
    int storedAt = bodyEnd + EntryCodec.HASH_PREFIX.length;
    boolean intact = Arrays.equals(hex, 0, hex.length, b, storedAt, storedAt + ChainHash.HEX_LENGTH);
    if (!intact) {
      problem(Kind.MODIFIED, file, lineNo, seq, "entry " + seq + " does not match its hash: it was modified");
    }
    if (segmentFirst > 0) {
      long promised = segmentFirst;
      segmentFirst = -1;
      if (seq != promised) {
        problem(seq > promised ? Kind.MISSING : Kind.OUT_OF_ORDER, file, lineNo, seq, "the segment is named for"
            + " entry " + promised + " but starts with entry " + seq);
      }
    }
    if (!haveLast) {
      firstSeq = seq;
      if (seq == 1 && !regionEquals(b, prevAt, ChainHash.GENESIS.getBytes(StandardCharsets.US_ASCII))) {
        problem(Kind.BROKEN_CHAIN, file, lineNo, seq, "the first entry does not start the chain");
      }
    } else if (seq == lastSeq + 1) {
      if (intact && !Arrays.equals(lastHashBytes, 0, ChainHash.HEX_LENGTH, b, prevAt, prevAt + ChainHash.HEX_LENGTH)) {
        problem(Kind.BROKEN_CHAIN, file, lineNo, seq, "entry " + seq + " does not chain to entry "
            + lastSeq + ": an entry was replaced or inserted");
      }
    } else if (seq > lastSeq + 1) {
      problem(Kind.MISSING, file, lineNo, seq, (seq - lastSeq - 1 == 1 ? "entry " + (lastSeq + 1) + " is"
          : "entries " + (lastSeq + 1) + " to " + (seq - 1) + " are") + " missing before entry " + seq);
    } else {
      problem(Kind.OUT_OF_ORDER, file, lineNo, seq, "entry " + seq + " follows entry " + lastSeq
          + ": entries were reordered or duplicated");
    }
    haveLast = true;
    lastSeq = seq;
    System.arraycopy(b, storedAt, lastHashBytes, 0, ChainHash.HEX_LENGTH);
  }

  private void head(Path head) {
    JournalFiles.Head h;
    try {
      h = JournalFiles.readHead(head);
    } catch (IOException e) {
      problem(Kind.MALFORMED, head, 0, 0, "cannot read the head: " + e.getMessage());
      return;
    }
    if (h == null) {
      return;
    }
    if (h.sequence() < 0) {
      problem(Kind.MALFORMED, head, 1, 0, "the head record is unreadable");
    } else if (h.sequence() > lastSeq) {
      problem(Kind.TRUNCATED, head, 1, h.sequence(), "the journal ends at entry " + lastSeq
          + " but its head records entry " + h.sequence() + ": " + (h.sequence() - lastSeq)
          + " entries were removed from the end");
    } else if (h.sequence() == lastSeq && !h.hash().equals(lastHash)) {
      problem(Kind.BROKEN_CHAIN, head, 1, h.sequence(), "the last entry's hash differs from the head's record of it");
    }
  }

  private static boolean allZero(byte[] b, int len) {
    for (int i = 0; i < len; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static long parseSeq(byte[] b, int len) {
    int p = EntryCodec.SEQ_PREFIX.length;
    if (len <= p || !regionEquals(b, 0, EntryCodec.SEQ_PREFIX)) {
      return -1;
    }
    long v = 0;
    int digits = 0;
    while (p < len && b[p] >= '0' && b[p] <= '9') {
      if (++digits > 18) {
        return -1;
      }
      v = v * 10 + (b[p++] - '0');
    }
    return digits == 0 || p >= len || b[p] != ',' ? -1 : v;
  }

  static boolean endsWithHashSuffix(byte[] b, int len) {
    int at = len - EntryCodec.SUFFIX_LENGTH;
    if (at < 0 || !regionEquals(b, at, EntryCodec.HASH_PREFIX)) {
      return false;
    }
    for (int i = at + EntryCodec.HASH_PREFIX.length; i < len - 2; i++) {
      byte c = b[i];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return b[len - 2] == '"' && b[len - 1] == '}';
  }

  static boolean regionEquals(byte[] b, int at, byte[] expected) {
    return at >= 0 && at + expected.length <= b.length
        && Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  static void toHex(byte[] digest, byte[] out) {
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
  }
}
