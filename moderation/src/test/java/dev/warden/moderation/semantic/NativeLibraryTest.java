package dev.warden.moderation.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime's native library, seen from a fresh process with a temporary directory of its own
 * (in this test's JVM the library is already loaded, and other processes share the machine's
 * temporary directory): two encoders extract it once, the extracted files are gone while the
 * process still runs, and nothing is left once it exits.
 */
class NativeLibraryTest {

  private static final String PROBE = """
      import dev.warden.moderation.semantic.SentenceEncoder;
      import java.nio.file.*;
      public class Probe {
        public static void main(String[] args) throws Exception {
          try (SentenceEncoder a = SentenceEncoder.builder().build();
              SentenceEncoder b = SentenceEncoder.builder().build()) {
            System.out.println("dims " + a.embed("a lighthouse").length + " " + b.embed("a harbour").length);
          }
          try (var all = Files.walk(Path.of(System.getProperty("java.io.tmpdir")))) {
            all.skip(1).forEach(p -> System.out.println((Files.isDirectory(p) ? "dir " : "file ")
                + p.getFileName()));
          }
        }
      }
      """;

  @Test
  void aProcessExtractsTheLibraryOnceAndLeavesNoTemporaryFiles(@TempDir Path work) throws Exception {
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    Path probe = Files.writeString(work.resolve("Probe.java"), PROBE);
    List<String> cp = new ArrayList<>();
    for (String key : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(key);
      if (v != null && !v.isBlank()) {
        cp.add(v);
      }
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "-Djava.io.tmpdir=" + tmp, "-cp", String.join(File.pathSeparator, cp), probe.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("probe finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    List<String> listed = out.lines().filter(l -> l.startsWith("dir ") || l.startsWith("file ")).toList();
    assertThat(out).contains("dims 384 384");
    assertThat(listed).as("the temporary directory while the process runs")
        .singleElement().asString().startsWith("dir onnxruntime-java");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("the temporary directory after the process exited").isEmpty();
    }
  }
}
