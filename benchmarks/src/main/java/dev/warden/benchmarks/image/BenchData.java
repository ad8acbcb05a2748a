package dev.warden.benchmarks.image;

import dev.warden.moderation.image.EmbeddingSpace;
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
   * The directory of a known-content index of {@code n} seeded random 768-dim vectors, built once
   * and reused by later forks and runs (under {@code -Dwarden.bench.dir}, default the temp dir).
   */
  static Path knownIndex(int n, VectorQuantization q) {
    Path root = Path.of(System.getProperty("warden.bench.dir", System.getProperty("java.io.tmpdir")));
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
      Random r = new Random(20260101);
      try (KnownContentIndex index = KnownContentIndex.builder(dir).space(SPACE).quantization(q).open()) {
        for (int start = 0; start < n; start += 10_000) {
          List<KnownItem> batch = new ArrayList<>();
          for (int i = start; i < Math.min(n, start + 10_000); i++) {
            batch.add(new KnownItem("item-" + i, Category.SEXUAL_MINORS, SPACE.embed(gaussian(r, 768))));
          }
          index.addAll(batch);
        }
      }
      Files.writeString(done, "ok");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
