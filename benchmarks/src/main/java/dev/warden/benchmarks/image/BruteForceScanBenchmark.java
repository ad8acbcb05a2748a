package dev.warden.benchmarks.image;

import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.moderation.image.KnownMatch;
import dev.warden.moderation.image.VectorQuantization;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The exact brute-force scan of a known-content index of 100,000 768-dim vectors on one thread,
 * float32 and int8, through {@link KnownContentIndex#match} with a threshold no vector reaches (so
 * the time is the scan). Vectors per second per core = size x ops/s. The peer is a plain Java
 * loop over the same float32 rows.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BruteForceScanBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class BruteForceScanBenchmark {

  @Param({"100000"})
  int size;

  @Param({"NONE", "INT8"})
  VectorQuantization quantization;

  KnownContentIndex index;
  ImageEmbedding query;
  float[] rawQuery;
  float[][] rows;

  @Setup(Level.Trial)
  public void setup() {
    index = KnownContentIndex.builder(BenchData.knownIndex(size, quantization)).bruteForceBelow(Integer.MAX_VALUE).open();
    query = BenchData.SPACE.embed(BenchData.gaussian(new Random(3), 768));
    rawQuery = query.values();
    index.match(query, 1, 0.99); // loads the heap copy of the vectors
    Random r = new Random(4);
    rows = new float[size][];
    for (int i = 0; i < size; i++) {
      rows[i] = BenchData.SPACE.embed(BenchData.gaussian(r, 768)).values();
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
  }

  @Benchmark
  public List<KnownMatch> warden() {
    return index.match(query, 5, 0.99);
  }

  /** The peer: float32 dot products in a plain Java loop over the same number of rows. */
  @Benchmark
  public int plainJavaLoop() {
    int hits = 0;
    for (float[] row : rows) {
      float s = 0;
      for (int i = 0; i < row.length; i++) {
        s += rawQuery[i] * row[i];
      }
      hits += s >= 0.99f ? 1 : 0;
    }
    return hits;
  }
}
