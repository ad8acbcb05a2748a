package dev.warden.benchmarks.moderation;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.TextPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/**
 * The full text pipeline on one prompt of a given length: Warden's {@code moderate} (normalise,
 * scan every lexicon, allow-list, rules, policy decision) against houbb/sensitive-word's {@code
 * findAll} with its transforms on (case, width, number style, Chinese style, English style,
 * repeats), both with the terms of Warden's built-in lexicons. Prompts are cut from the corpus
 * (I2P development prompts plus Warden's harmless prompts) to exactly {@code length} characters,
 * 256 of them with a seeded choice, and taken in turn; one operation moderates one prompt.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PromptModerationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PromptModerationBenchmark {

  @Param({"200", "1000"})
  public int length;

  private TextPrompt[] prompts;
  private String[] texts;
  private int next;
  private ModerationEngine engine;
  private SensitiveWordBs sensitiveWord;

  @Setup(Level.Trial)
  public void setUp() {
    List<String> corpus = ModerationCorpus.prompts();
    String all = String.join(" ", corpus);
    Random random = new Random(42);
    List<String> cut = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      int from = random.nextInt(all.length() - length);
      cut.add(all.substring(from, from + length));
    }
    texts = cut.toArray(String[]::new);
    prompts = cut.stream().map(TextPrompt::of).toArray(TextPrompt[]::new);
    engine = ModerationEngine.builder().build();
    List<String> terms = ModerationCorpus.terms();
    sensitiveWord = SensitiveWordBs.newInstance()
        .wordDeny(() -> terms)
        .wordAllow(List::of)
        .ignoreCase(true)
        .ignoreWidth(true)
        .ignoreNumStyle(true)
        .ignoreChineseStyle(true)
        .ignoreEnglishStyle(true)
        .ignoreRepeat(true)
        .enableWordCheck(true)
        .enableNumCheck(false)
        .enableEmailCheck(false)
        .enableUrlCheck(false)
        .enableIpv4Check(false)
        .init();
    // Load what each loads on first use (Warden's language model, their dictionaries) now.
    for (int i = 0; i < prompts.length; i++) {
      engine.moderate(prompts[i]);
      sensitiveWord.findAll(texts[i]);
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & 255;
    return i;
  }

  /** Picks the next prompt: the floor under both contestants. */
  @Benchmark
  public int baseline() {
    return texts[nextIndex()].length();
  }

  @Benchmark
  public Object wardenModerate() {
    return engine.moderate(prompts[nextIndex()]);
  }

  @Benchmark
  public Object sensitiveWordFindAll() {
    return sensitiveWord.findAll(texts[nextIndex()]);
  }
}
