package dev.warden.benchmarks.image;

import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.moderation.image.KnownMatch;
import dev.warden.moderation.image.VectorQuantization;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
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
 * Known-content query latency at 100,000 seeded random 768-dim vectors, k = 5, threshold 0.9, each
 * query a planted near-duplicate (cosine about 0.96) of an item: Warden's HNSW path (graph
 * candidates re-ranked with exact vectors) and its exact brute-force scan side by side, float32 and
 * int8. Peers on the same index: Lucene's {@link KnnFloatVectorQuery} asked for as many candidates
 * as Warden's HNSW path asks for (64), and Lucene's similarity-threshold query ({@link
 * FloatVectorSimilarityQuery}, score (1 + cos) / 2 at least 0.95). Each setup prints how many of
 * the 64 planted near-duplicates its path finds: on random vectors, a graph search that stops early
 * is fast because it misses them.
 *
 * <p>The indexes are built once (minutes each) and reused; see {@link BenchData#knownIndex}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KnownIndexQueryBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class KnownIndexQueryBenchmark {

  private static final int QUERIES = 64;

  /** Warden's known-content index, forced onto one path. */
  @State(Scope.Benchmark)
  public static class Warden {
    @Param({"100000"})
    int size;

    @Param({"hnsw", "brute-force"})
    String path;

    @Param({"NONE", "INT8"})
    VectorQuantization quantization;

    KnownContentIndex index;
    ImageEmbedding[] queries;
    int next;

    @Setup(Level.Trial)
    public void setup() {
      index = KnownContentIndex.builder(BenchData.knownIndex(size, quantization))
          .bruteForceBelow(path.equals("hnsw") ? 0 : Integer.MAX_VALUE).open();
      queries = BenchData.plantedQueries(QUERIES);
      int found = 0;
      for (int i = 0; i < QUERIES; i++) {
        List<KnownMatch> m = index.match(queries[i], 5, 0.9);
        found += !m.isEmpty() && m.get(0).id().equals("item-" + i) ? 1 : 0;
      }
      System.out.printf("%nwarden %s %s: found %d of %d planted near-duplicates%n", path, quantization, found, QUERIES);
    }

    @TearDown(Level.Trial)
    public void close() {
      index.close();
    }
  }

  /** The same index read by Lucene directly. */
  @State(Scope.Benchmark)
  public static class Lucene {
    @Param({"100000"})
    int size;

    @Param({"NONE", "INT8"})
    VectorQuantization quantization;

    DirectoryReader reader;
    IndexSearcher searcher;
    float[][] queries;
    int next;

    @Setup(Level.Trial)
    public void setup() throws IOException {
      reader = DirectoryReader.open(FSDirectory.open(BenchData.knownIndex(size, quantization)));
      searcher = new IndexSearcher(reader);
      ImageEmbedding[] planted = BenchData.plantedQueries(QUERIES);
      queries = new float[QUERIES][];
      int knn = 0;
      int similarity = 0;
      for (int i = 0; i < QUERIES; i++) {
        queries[i] = planted[i].values();
        knn += finds(knn(queries[i]), i) ? 1 : 0;
        similarity += finds(similarity(queries[i]), i) ? 1 : 0;
      }
      System.out.printf("%nlucene %s: knn query (64 candidates) found %d, similarity query found %d of %d"
          + " planted near-duplicates%n", quantization, knn, similarity, QUERIES);
    }

    private boolean finds(Query q, int item) throws IOException {
      for (ScoreDoc sd : searcher.search(q, 5).scoreDocs) {
        if (searcher.storedFields().document(sd.doc).get("id").equals("item-" + item)) {
          return true;
        }
      }
      return false;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      reader.close();
    }
  }

  static Query knn(float[] q) {
    return new KnnFloatVectorQuery("vec", q, 64);
  }

  static Query similarity(float[] q) {
    return new FloatVectorSimilarityQuery.Explicit("vec", q, 0.95f);
  }

  @Benchmark
  public List<KnownMatch> warden(Warden w) {
    return w.index.match(w.queries[w.next++ & (QUERIES - 1)], 5, 0.9);
  }

  /** Peer: Lucene's HNSW query for the same number of candidates Warden's HNSW path re-ranks. */
  @Benchmark
  public TopDocs luceneKnnQuery(Lucene l) throws IOException {
    return l.searcher.search(knn(l.queries[l.next++ & (QUERIES - 1)]), 5);
  }

  /** Peer: Lucene's similarity-threshold query (score (1 + cos) / 2 at least 0.95 means cos at least 0.9). */
  @Benchmark
  public TopDocs luceneSimilarityQuery(Lucene l) throws IOException {
    return l.searcher.search(similarity(l.queries[l.next++ & (QUERIES - 1)]), 5);
  }
}
