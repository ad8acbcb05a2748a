package dev.warden.benchmarks.semantic;

import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.StageMode;
import dev.warden.moderation.TextPrompt;
import dev.warden.moderation.semantic.SemanticStage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Measures the memory of a moderation engine with the semantic stage and the quantised model:
 * heap in use after a full collection and the process's resident set (Linux {@code
 * /proc/self/status}), first with the rules alone, then with the model loaded, then after
 * moderating every development prompt. Not a JMH benchmark: a plain program.
 *
 * <p>Run (from the repository, so that the development prompts are found; the heap limit is the
 * host's choice and decides much of the resident figure, compare {@code -Xmx96m} and {@code
 * -Xmx256m}): {@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
 * -Xmx96m -cp benchmarks/target/benchmarks.jar dev.warden.benchmarks.semantic.MemoryFootprint}
 */
public final class MemoryFootprint {

  private MemoryFootprint() {}

  public static void main(String[] args) throws Exception {
    List<String> dev = SemanticBenchData.devPrompts();
    ModerationEngine rules = ModerationEngine.builder().build();
    for (String p : dev) {
      rules.moderate(TextPrompt.of(p));
    }
    report("rules engine, dev prompts moderated");
    try (SemanticStage stage = SemanticStage.builder().loadEagerly(true).timeBudget(Duration.ofSeconds(30)).build()) {
      ModerationEngine engine = rules.toBuilder().addStage(stage, StageMode.WHEN_ALLOWED).build();
      report("+ semantic stage, model loaded");
      for (String p : dev) {
        engine.moderate(TextPrompt.of(p));
      }
      report("+ " + dev.size() + " dev prompts moderated (" + stage.cachedPrompts() + " cached)");
    }
  }

  private static void report(String stage) throws IOException {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = mem.getHeapMemoryUsage().getUsed();
    long committed = mem.getHeapMemoryUsage().getCommitted();
    long nonHeap = mem.getNonHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT,
        "%-48s heap used %5.1f MB (committed %5.1f MB), non-heap %5.1f MB, resident %6.1f MB (peak %6.1f MB)%n",
        stage, heap / 1e6, committed / 1e6, nonHeap / 1e6, status("VmRSS:") / 1e3, status("VmHWM:") / 1e3);
  }

  /** A value of /proc/self/status in kB, or -1 where there is no such file. */
  private static long status(String key) throws IOException {
    Path p = Path.of("/proc/self/status");
    if (!Files.exists(p)) {
      return -1;
    }
    for (String line : Files.readAllLines(p)) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }
}
