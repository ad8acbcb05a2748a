package dev.warden.benchmarks.semantic;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.warden.moderation.TextContext;
import dev.warden.moderation.TextPrompt;
import dev.warden.moderation.semantic.SemanticStage;
import dev.warden.moderation.semantic.SentenceEncoder;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * Prompts per second through the semantic stage (embedding and heads, cache off) from concurrent
 * callers, with typical 30-token prompts (1,024 seeded texts, so almost no two concurrent callers
 * share one): Warden's micro-batcher (batches of up to 32, at most 2 ms of waiting) against the
 * same stage without batching (batches of one), against langchain4j's quantised MiniLM called
 * from each thread, and beside Warden's encoder called straight from each thread (the bound for the
 * stage). Callers: 2 by default; more with {@code -t N}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MicroBatchThroughputBenchmark -t 2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class MicroBatchThroughputBenchmark {

  private String[] texts;
  private final AtomicInteger next = new AtomicInteger();
  private SentenceEncoder encoder;
  private SemanticStage batched;
  private SemanticStage unbatched;
  private AllMiniLmL6V2QuantizedEmbeddingModel langchain4j;
  private final TextContext context = new Context();

  @Setup(Level.Trial)
  public void setUp() {
    encoder = SentenceEncoder.builder().build();
    texts = SemanticBenchData.textsOfTokens(encoder.tokenizer(), 30, 1024, 7);
    batched = SemanticStage.builder().encoder(encoder).cacheSize(0).maxBatch(32)
        .maxWait(Duration.ofMillis(2)).timeBudget(Duration.ofSeconds(30)).build();
    unbatched = SemanticStage.builder().encoder(encoder).cacheSize(0).maxBatch(1)
        .timeBudget(Duration.ofSeconds(30)).build();
    langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (int i = 0; i < 64; i++) {
      batched.apply(TextPrompt.of(texts[i]), context);
      unbatched.apply(TextPrompt.of(texts[i]), context);
      langchain4j.embed(texts[i]);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    batched.close();
    unbatched.close();
    encoder.close();
  }

  private String nextText() {
    return texts[next.getAndIncrement() & 1023];
  }

  @Benchmark
  public Object wardenBatched() {
    return batched.apply(TextPrompt.of(nextText()), context);
  }

  @Benchmark
  public Object wardenUnbatched() {
    return unbatched.apply(TextPrompt.of(nextText()), context);
  }

  /**
   * The bound for the stage: Warden's encoder called straight from each caller's thread, with no
   * stage, queue, heads or time budget around it.
   */
  @Benchmark
  public Object encoderAlone() {
    return encoder.embed(nextText());
  }

  @Benchmark
  public Object langchain4j() {
    return langchain4j.embed(nextText()).content();
  }

  /** The request context the engine would give: the default policy, nothing found before. */
  private static final class Context implements TextContext {
    @Override
    public Policy policy() {
      return Policy.defaultPolicy();
    }

    @Override
    public List<Finding> findings() {
      return List.of();
    }

    @Override
    public Verdict verdictSoFar() {
      return Verdict.ALLOW;
    }

    @Override
    public String language() {
      return "en";
    }

    @Override
    public Optional<String> knownLanguage() {
      return Optional.of("en");
    }
  }
}
