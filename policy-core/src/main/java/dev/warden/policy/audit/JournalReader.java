package dev.warden.policy.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Streams the entries of journal segments, parsing each line. */
final class JournalReader {

  private JournalReader() {}

  static Stream<AuditEntry> entries(List<Path> segments) {
    return segments.stream().flatMap(JournalReader::entries);
  }

  private static Stream<AuditEntry> entries(Path segment) {
    BufferedReader r;
    try {
      r = Files.newBufferedReader(segment, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AuditJournalException(segment, "cannot read: " + e.getMessage(), e);
    }
    long[] lineNo = {0};
    return r.lines().onClose(() -> {
      try {
        r.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).filter(line -> !line.isEmpty() && line.charAt(0) != 0).map(line -> {
      lineNo[0]++;
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      try {
        return EntryCodec.decode(b, 0, b.length);
      } catch (IOException | RuntimeException e) {
        throw new AuditJournalException(segment, "line " + lineNo[0] + " is not a journal entry: "
            + e.getMessage(), e);
      }
    });
  }
}
