package dev.warden.policy.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names and lists a journal directory's files, and reads and writes its head record. */
final class JournalFiles {

  static final String HEAD = "audit.head";
  static final String LOCK = "audit.lock";
  static final Pattern SEGMENT = Pattern.compile("audit-(\\d{20})\\.jsonl");
  static final int HEAD_SIZE = 128;
  private static final Pattern HEAD_FORM =
      Pattern.compile("\\{\"seq\":(\\d{1,19}),\"hash\":\"([0-9a-f]{64})\"\\} *\n?");

  /** The sequence number and hash of the last entry known to be durable. */
  record Head(long sequence, String hash) {}

  private JournalFiles() {}

  static String segmentName(long firstSequence) {
    return String.format(java.util.Locale.ROOT, "audit-%020d.jsonl", firstSequence);
  }

  /** The journal's segment files, oldest first. */
  static List<Path> segments(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().forEach(out::add);
    }
    return out;
  }

  static long firstSequenceOf(Path segment) {
    Matcher m = SEGMENT.matcher(segment.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  static byte[] headBytes(long seq, String hash) {
    StringBuilder sb = new StringBuilder(HEAD_SIZE);
    sb.append("{\"seq\":").append(seq).append(",\"hash\":\"").append(hash).append("\"}");
    while (sb.length() < HEAD_SIZE - 1) {
      sb.append(' ');
    }
    sb.append('\n');
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static void writeHead(FileChannel ch, long seq, String hash) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(headBytes(seq, hash));
    long pos = 0;
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
  }

  /** Reads the head; null if the file is absent, or {@code Head(-1, ...)} if it is unreadable. */
  static Head readHead(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    byte[] b;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() == 0) {
        return null; // created, nothing durable recorded yet
      }
      if (ch.size() > HEAD_SIZE * 2L) {
        return new Head(-1, "");
      }
      b = Files.readAllBytes(file);
    }
    Matcher m = HEAD_FORM.matcher(new String(b, StandardCharsets.US_ASCII));
    return m.matches() ? new Head(Long.parseLong(m.group(1)), m.group(2)) : new Head(-1, "");
  }
}
