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
 * the time is the scan). Vectors per second per core = size x ops/s.
 *
 * <p>Peer: a plain Java loop of float32 dot products over the same number of rows. Baselines: the
 * memory-read limit measured in the same run, copying each float32 row (3,072 bytes) or int8 row
 * (768 bytes) into one scratch row: a scan cannot read its rows faster than that.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BruteForceScanBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class BruteForceScanBenchmark {

  /** Warden's index, scanning exactly at any size. */
  @State(Scope.Benchmark)
  public static class Index {
    @Param({"100000"})
    int size;

    @Param({"NONE", "INT8"})
    VectorQuantization quantization;

    KnownContentIndex index;
    ImageEmbedding query;

    @Setup(Level.Trial)
    public void setup() {
      index = KnownContentIndex.builder(BenchData.knownIndex(size, quantization)).bruteForceBelow(Integer.MAX_VALUE).open();
      query = BenchData.SPACE.embed(BenchData.gaussian(new Random(3), 768));
      index.match(query, 1, 0.99); // loads the heap copy of the vectors
    }

    @TearDown(Level.Trial)
    public void close() {
      index.close();
    }
  }

  /** Rows of the same size on the heap, for the peer and the memory-read baselines. */
  @State(Scope.Benchmark)
  public static class Rows {
    @Param({"100000"})
    int size;

    float[][] floats;
    byte[][] bytes;
    float[] query;
    float[] floatScratch = new float[768];
    byte[] byteScratch = new byte[768];

    @Setup(Level.Trial)
    public void setup() {
      Random r = new Random(4);
      floats = new float[size][];
      bytes = new byte[size][768];
      for (int i = 0; i < size; i++) {
        floats[i] = BenchData.SPACE.embed(BenchData.gaussian(r, 768)).values();
        for (int d = 0; d < 768; d++) {
          bytes[i][d] = (byte) Math.round(floats[i][d] * 1000);
        }
      }
      query = BenchData.SPACE.embed(BenchData.gaussian(new Random(3), 768)).values();
    }
  }

  @Benchmark
  public List<KnownMatch> warden(Index x) {
    return x.index.match(x.query, 5, 0.99);
  }

  /** The peer: float32 dot products in a plain Java loop over the same number of rows. */
  @Benchmark
  public int plainJavaLoop(Rows x) {
    int hits = 0;
    float[] q = x.query;
    for (float[] row : x.floats) {
      float s = 0;
      for (int i = 0; i < row.length; i++) {
        s += q[i] * row[i];
      }
      hits += s >= 0.99f ? 1 : 0;
    }
    return hits;
  }

  /** Baseline: reading every float32 row once (copied into one scratch row), the memory-read limit. */
  @Benchmark
  public float memoryReadFloat32(Rows x) {
    float[] scratch = x.floatScratch;
    for (float[] row : x.floats) {
      System.arraycopy(row, 0, scratch, 0, row.length);
    }
    return scratch[0];
  }

  /** Baseline: reading every int8 row once, the memory-read limit of the int8 scan. */
  @Benchmark
  public byte memoryReadInt8(Rows x) {
    byte[] scratch = x.byteScratch;
    for (byte[] row : x.bytes) {
      System.arraycopy(row, 0, scratch, 0, row.length);
    }
    return scratch[0];
  }
}
