package dev.warden.consent.tcf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the public TCF/GPP/USP vectors from {@code ../shared/data/tcf/tcf_vectors.md}; tests that
 * need them are skipped when the file is absent. Nothing from the file is copied into the source
 * tree: tests read it at run time.
 */
final class TcfVectors {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private final List<String> lines;

  private TcfVectors(List<String> lines) {
    this.lines = lines;
  }

  /** Loads the vectors, or skips the calling test when they are not on this machine. */
  static TcfVectors load() {
    Path dir = SharedTestData.sharedData();
    Path file = dir == null ? null : dir.resolve("tcf").resolve("tcf_vectors.md");
    assumeTrue(file != null && Files.isReadable(file), "shared/data/tcf/tcf_vectors.md not found; skipping");
    try {
      return new TcfVectors(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> codes(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(line);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The first code span of the table row numbered {@code n}. */
  String row(int n) {
    String prefix = "| " + n + " |";
    for (String l : lines) {
      if (l.startsWith(prefix)) {
        return codes(l).get(0);
      }
    }
    throw new IllegalStateException("vector " + n + " not found");
  }

  /** The part of a vector before the first dot (its core segment). */
  String core(int n) {
    String s = row(n);
    int dot = s.indexOf('.');
    return dot < 0 ? s : s.substring(0, dot);
  }

  /** The segments of a vector after its core, each with its leading dot. */
  String extraSegments(int n) {
    String s = row(n);
    int dot = s.indexOf('.');
    return dot < 0 ? "" : s.substring(dot);
  }

  /** The code spans of the line starting with {@code prefix} (first match). */
  List<String> codesOfLineStartingWith(String prefix) {
    for (String l : lines) {
      if (l.startsWith(prefix)) {
        return codes(l);
      }
    }
    throw new IllegalStateException("no line starts with " + prefix);
  }

  /** The code spans of the first line containing {@code text}. */
  List<String> codesOfLineContaining(String text) {
    for (String l : lines) {
      if (l.contains(text)) {
        return codes(l);
      }
    }
    throw new IllegalStateException("no line contains " + text);
  }
}
