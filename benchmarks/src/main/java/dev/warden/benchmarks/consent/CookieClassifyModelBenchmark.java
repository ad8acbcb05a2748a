package dev.warden.benchmarks.consent;

import dev.warden.consent.cookie.Classification;
import dev.warden.consent.cookie.Cookie;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.cookie.LearnedModel;
import dev.warden.policy.Policy;
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
 * Classifying names no catalog knows, through the learned fallback (feature extraction and an
 * OpenNLP model): the maximum-entropy model Warden uses by default against OpenNLP's naive Bayes on
 * the same features. One operation is one cookie.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CookieClassifyModelBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CookieClassifyModelBenchmark {

  @Param({"1024"})
  int cookies;

  private CookieClassifier maxent;
  private CookieClassifier naiveBayes;
  private Cookie[] input;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    maxent = CookieClassifier.builder().policy(Policy.defaultPolicy()).learnedModel(LearnedModel.MAXENT).build();
    naiveBayes = maxent.toBuilder().learnedModel(LearnedModel.NAIVE_BAYES).build();
    input = ConsentBenchData.cookies(ConsentBenchData.unknownNames(cookies, 42), 7).toArray(new Cookie[0]);
  }

  private Cookie next() {
    Cookie c = input[i];
    i = (i + 1) & (input.length - 1);
    return c;
  }

  @Benchmark
  public Classification wardenMaxent() {
    return maxent.classify(next());
  }

  @Benchmark
  public Classification naiveBayesPeer() {
    return naiveBayes.classify(next());
  }
}
