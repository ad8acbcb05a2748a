package dev.warden.benchmarks.image;

import dev.warden.moderation.image.Concept;
import dev.warden.moderation.image.ConceptCheck;
import dev.warden.moderation.image.ConceptSet;
import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 20-concept check (17 concepts and 3 special-care concepts, as in Stable Diffusion's safety
 * checker) of one 768-dim embedding: Warden's {@link ConceptSet#check} with the JDK's vector
 * module (SIMD), the same without it, and the peer a host would write, plain Java loops.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ConceptCheckBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ConceptCheckBenchmark {

  ConceptSet set;
  ImageEmbedding image;
  float[] raw;
  float[][] conceptRows;
  double[] thresholds;

  @Setup
  public void setup() {
    Random r = new Random(17);
    ConceptSet.Builder b = ConceptSet.builder(BenchData.SPACE);
    conceptRows = new float[20][];
    thresholds = new double[20];
    for (int i = 0; i < 20; i++) {
      ImageEmbedding e = BenchData.SPACE.embed(BenchData.gaussian(r, 768));
      conceptRows[i] = e.values();
      thresholds[i] = 0.2;
      Concept c = new Concept("c" + i, i < 3 ? Category.SEXUAL_MINORS : Category.SEXUAL, Severity.HIGH, e, 0.2);
      if (i < 3) {
        b.specialCare(c);
      } else {
        b.concept(c);
      }
    }
    set = b.build();
    image = BenchData.SPACE.embed(BenchData.gaussian(r, 768));
    raw = image.values();
  }

  @Benchmark
  public ConceptCheck warden() {
    return set.check(image);
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
  public ConceptCheck wardenWithoutVectorModule() {
    return set.check(image);
  }

  /** The peer: 20 cosine similarities in plain Java loops against thresholds. */
  @Benchmark
  public int plainJavaLoops() {
    int fired = 0;
    for (int c = 0; c < conceptRows.length; c++) {
      float[] row = conceptRows[c];
      float s = 0;
      for (int i = 0; i < row.length; i++) {
        s += raw[i] * row[i];
      }
      fired += s > thresholds[c] ? 1 : 0;
    }
    return fired;
  }
}
