package dev.warden.benchmarks.image;

import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.moderation.image.KnownItem;
import dev.warden.moderation.image.VectorQuantization;
import dev.warden.policy.decision.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded inputs shared by the image benchmarks. */
final class BenchData {

  static final EmbeddingSpace SPACE = EmbeddingSpace.CLIP_VIT_L_14;

  private BenchData() {}

  static float[] gaussian(Random r, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  /**
   * The directory of a known-content index of {@code n} seeded random 768-dim vectors (item {@code
   * i} is the {@code i}-th vector drawn from seed 20260101), built once and reused by later forks and
   * runs: under {@code $WARDEN_BENCH_DIR}, else {@code -Dwarden.bench.dir}, else the temp directory.
   * Building 100,000 vectors takes minutes (the HNSW graph); the time is printed once.
   */
  static Path knownIndex(int n, VectorQuantization q) {
    String env = System.getenv("WARDEN_BENCH_DIR");
    Path root = Path.of(env != null ? env
        : System.getProperty("warden.bench.dir", System.getProperty("java.io.tmpdir")));
    Path dir = root.resolve("warden-bench-known-" + q.name().toLowerCase(java.util.Locale.ROOT) + "-" + n);
    Path done = dir.resolve("complete");
    if (Files.exists(done)) {
      return dir;
    }
    try {
      if (Files.exists(dir)) {
        try (var s = Files.walk(dir)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      long start = System.nanoTime();
      Random r = new Random(20260101);
      try (KnownContentIndex index = KnownContentIndex.builder(dir).space(SPACE).quantization(q).open()) {
        for (int from = 0; from < n; from += 10_000) {
          List<KnownItem> batch = new ArrayList<>();
          for (int i = from; i < Math.min(n, from + 10_000); i++) {
            batch.add(new KnownItem("item-" + i, Category.SEXUAL_MINORS, SPACE.embed(gaussian(r, 768))));
          }
          index.addAll(batch);
        }
      }
      Files.writeString(done, "ok");
      System.out.printf("%nbuilt %s once in %.0f s (reused by later forks and runs)%n", dir,
          (System.nanoTime() - start) / 1e9);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Near-duplicates of the first {@code count} items of {@link #knownIndex}: each item's vector plus
   * Gaussian noise of 0.01 per component (cosine about 0.96 with the item).
   */
  static ImageEmbedding[] plantedQueries(int count) {
    Random r = new Random(20260101);
    Random noise = new Random(5);
    ImageEmbedding[] queries = new ImageEmbedding[count];
    for (int i = 0; i < count; i++) {
      float[] u = SPACE.embed(gaussian(r, 768)).values();
      for (int d = 0; d < u.length; d++) {
        u[d] += (float) (noise.nextGaussian() * 0.01);
      }
      queries[i] = SPACE.embed(u);
    }
    return queries;
  }

  /** Finds {@code shared/data/<relative>} from {@code -Dwarden.shared.data} or the working directory. */
  static Path sharedData(String relative) {
    String prop = System.getProperty("warden.shared.data");
    if (prop != null && Files.isReadable(Path.of(prop, relative))) {
      return Path.of(prop, relative);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isReadable(p.resolve("shared/data").resolve(relative))) {
        return p.resolve("shared/data").resolve(relative);
      }
    }
    throw new IllegalStateException("shared/data/" + relative + " not found: set -Dwarden.shared.data");
  }
}
