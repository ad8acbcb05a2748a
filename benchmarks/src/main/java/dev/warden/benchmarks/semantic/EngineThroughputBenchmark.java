package dev.warden.benchmarks.semantic;

import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.StageMode;
import dev.warden.moderation.TextPrompt;
import dev.warden.moderation.semantic.SemanticStage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * End to end: {@code ModerationEngine.moderate} on the I2P development prompts (2,316, in turn)
 * from 2 callers, with the semantic stage on prompts the rules allowed (its cache off, so every
 * allowed prompt is embedded), against the rules alone ({@code baseline}: the same engine without
 * the stage).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EngineThroughputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EngineThroughputBenchmark {

  private TextPrompt[] prompts;
  private final AtomicInteger next = new AtomicInteger();
  private ModerationEngine rules;
  private ModerationEngine withSemantic;
  private SemanticStage stage;

  @Setup(Level.Trial)
  public void setUp() {
    List<String> dev = SemanticBenchData.devPrompts();
    prompts = dev.stream().map(TextPrompt::of).toArray(TextPrompt[]::new);
    rules = ModerationEngine.builder().build();
    stage = SemanticStage.builder().cacheSize(0).timeBudget(Duration.ofSeconds(30)).loadEagerly(true).build();
    withSemantic = rules.toBuilder().addStage(stage, StageMode.WHEN_ALLOWED).build();
    for (int i = 0; i < 128; i++) {
      rules.moderate(prompts[i]);
      withSemantic.moderate(prompts[i]);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    stage.close();
  }

  private TextPrompt nextPrompt() {
    return prompts[Math.floorMod(next.getAndIncrement(), prompts.length)];
  }

  /** The rules alone. */
  @Benchmark
  public Object baseline() {
    return rules.moderate(nextPrompt());
  }

  @Benchmark
  public Object rulesAndSemanticOnAllowed() {
    return withSemantic.moderate(nextPrompt());
  }
}
