package dev.warden.benchmarks.image;

import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.moderation.image.KnownMatch;
import dev.warden.moderation.image.VectorQuantization;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
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
 * Known-content query latency at 100,000 768-dim vectors: HNSW with exact re-ranking against the
 * exact brute-force scan (k = 5, threshold 0.9, a planted near-duplicate per query), and Lucene's
 * similarity-threshold query ({@link FloatVectorSimilarityQuery}) as the peer.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KnownIndexQueryBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class KnownIndexQueryBenchmark {

  @Param({"100000"})
  int size;

  @Param({"hnsw", "brute-force"})
  String path;

  KnownContentIndex index;
  ImageEmbedding[] queries;
  int next;
  DirectoryReader reader;
  IndexSearcher searcher;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    var dir = BenchData.knownIndex(size, VectorQuantization.NONE);
    index = KnownContentIndex.builder(dir)
        .bruteForceBelow(path.equals("hnsw") ? 0 : Integer.MAX_VALUE).open();
    // Near-duplicates of the seeded items: regenerate the first 64 items' vectors.
    Random r = new Random(20260101);
    Random noise = new Random(5);
    queries = new ImageEmbedding[64];
    for (int i = 0; i < queries.length; i++) {
      float[] u = BenchData.SPACE.embed(BenchData.gaussian(r, 768)).values();
      for (int d = 0; d < u.length; d++) {
        u[d] += (float) (noise.nextGaussian() * 0.01);
      }
      queries[i] = BenchData.SPACE.embed(u);
    }
    if (index.match(queries[0], 5, 0.9).isEmpty()) {
      throw new IllegalStateException("the planted near-duplicate was not found");
    }
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    index.close();
    reader.close();
  }

  @Benchmark
  public List<KnownMatch> warden() {
    ImageEmbedding q = queries[next++ & 63];
    return index.match(q, 5, 0.9);
  }

  /** The peer: Lucene's similarity-threshold query (score (1 + cos) / 2 >= 0.95 means cos >= 0.9). */
  @Benchmark
  public TopDocs luceneSimilarityQuery() throws IOException {
    ImageEmbedding q = queries[next++ & 63];
    return searcher.search(new FloatVectorSimilarityQuery.Explicit("vec", q.values(), 0.95f), 5);
  }
}
