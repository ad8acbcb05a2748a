package dev.warden.benchmarks.semantic;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.warden.moderation.semantic.SentenceEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One sentence embedding, single call, of a text of exactly {@code tokens} word pieces ({@code
 * [CLS]} and {@code [SEP]} included), with the quantised all-MiniLM-L6-v2 of the same model jar:
 * Warden's {@link SentenceEncoder} (pure-Java WordPiece, ONNX Runtime, mean pooling) against
 * langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} (DJL's Rust tokenizer, ONNX
 * Runtime). {@code baseline} is Warden's tokenisation alone. 64 seeded texts per size, in turn.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EmbeddingLatencyBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EmbeddingLatencyBenchmark {

  @Param({"8", "32", "128"})
  public int tokens;

  private String[] texts;
  private int next;
  private SentenceEncoder warden;
  private AllMiniLmL6V2QuantizedEmbeddingModel langchain4j;

  @Setup(Level.Trial)
  public void setUp() {
    warden = SentenceEncoder.builder().build();
    langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
    texts = SemanticBenchData.textsOfTokens(warden.tokenizer(), tokens, 64, 42);
    for (String t : texts) {
      warden.embed(t);
      langchain4j.embed(t);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    warden.close();
  }

  private String nextText() {
    String t = texts[next];
    next = (next + 1) & 63;
    return t;
  }

  /** Tokenisation alone: the part of Warden's call that is not the model. */
  @Benchmark
  public Object baseline() {
    return warden.tokenizer().encode(nextText(), 256);
  }

  @Benchmark
  public float[] warden() {
    return warden.embed(nextText());
  }

  @Benchmark
  public Object langchain4j() {
    return langchain4j.embed(nextText()).content();
  }
}
