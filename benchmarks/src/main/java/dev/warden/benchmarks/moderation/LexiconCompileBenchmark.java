package dev.warden.benchmarks.moderation;

import dev.warden.moderation.Lexicon;
import dev.warden.moderation.ModerationEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building an engine from the built-in lexicons (parsing is done once, outside): the cost of a
 * {@code reload}. Setup also prints the heap the compiled default lexicons retain, measured as
 * the used heap after a full GC with and without an engine alive.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LexiconCompileBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class LexiconCompileBenchmark {

  private List<Lexicon> lexicons;

  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    lexicons = Lexicon.builtIn();
    ModerationEngine.builder().build(); // load classes and tables before measuring
    long before = usedAfterGc();
    ModerationEngine engine = ModerationEngine.builder().lexicons(lexicons).build();
    long after = usedAfterGc();
    System.out.printf("compiled default lexicons: %d bytes retained on the heap (estimate from arrays: %d)%n",
        after - before, engine.compiledLexiconBytes());
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Benchmark
  public ModerationEngine compileDefaultLexicons() {
    return ModerationEngine.builder().lexicons(lexicons).build();
  }
}
