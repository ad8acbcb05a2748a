package dev.warden.moderation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.moderation.ModerationException;
import dev.warden.policy.decision.Category;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KnownContentIndexTest {

  private static final EmbeddingSpace S = EmbeddingSpace.of("test-64", 64, false);

  @TempDir Path dir;

  private static List<KnownItem> items(Random r, int n, String prefix) {
    List<KnownItem> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new KnownItem(prefix + i, i % 2 == 0 ? Category.SEXUAL_MINORS : Category.VIOLENCE_GRAPHIC,
          S.embed(TestVectors.gaussian(r, S.dimension()))));
    }
    return out;
  }

  /** Exact search by hand, in double precision. */
  private static List<String> exact(List<KnownItem> items, ImageEmbedding q, int k, double threshold) {
    return items.stream()
        .filter(i -> i.embedding().cosine(q) >= threshold)
        .sorted(Comparator.comparingDouble((KnownItem i) -> -i.embedding().cosine(q)))
        .limit(k).map(KnownItem::id).toList();
  }

  @Test
  void addMatchDeleteAndReopenAfterRestart() {
    Random r = new Random(1);
    List<KnownItem> items = items(r, 50, "k");
    ImageEmbedding dup = S.embed(TestVectors.near(r, items.get(7).embedding().values(), 0.1));
    try (KnownContentIndex index = KnownContentIndex.builder(dir).space(S).open()) {
      index.addAll(items);
      List<KnownMatch> m = index.match(dup, 3, 0.9);
      assertThat(m).singleElement().satisfies(x -> {
        assertThat(x.id()).isEqualTo("k7");
        assertThat(x.category()).isEqualTo(Category.VIOLENCE_GRAPHIC);
        assertThat(x.similarity()).isCloseTo(items.get(7).embedding().cosine(dup), org.assertj.core.data.Offset.offset(1e-6));
      });
      index.delete("k7");
      assertThat(index.match(dup, 3, 0.9)).isEmpty();
      assertThat(index.size()).isEqualTo(49);
    }
    try (KnownContentIndex index = KnownContentIndex.builder(dir).open()) {
      assertThat(index.space()).isEqualTo(S);
      assertThat(index.size()).isEqualTo(49);
      assertThat(index.match(S.embed(items.get(8).embedding().values()), 1, 0.99))
          .extracting(KnownMatch::id).containsExactly("k8");
      index.add(items.get(7));
      index.add(new KnownItem("k8", Category.HATE, items.get(8).embedding()));
      assertThat(index.size()).isEqualTo(50);
      assertThat(index.match(items.get(8).embedding(), 5, 0.99)).extracting(KnownMatch::category)
          .containsExactly(Category.HATE);
    }
  }

  @Test
  void reopeningWithAnotherSpaceOrQuantizationFailsWithTheReason() {
    KnownContentIndex.builder(dir).space(S).open().close();
    assertThatThrownBy(() -> KnownContentIndex.builder(dir).space(EmbeddingSpace.CLIP_VIT_B_32).open())
        .isInstanceOf(ModerationException.class).hasMessageContaining("holds vectors of space test-64(64)");
    assertThatThrownBy(() -> KnownContentIndex.builder(dir).quantization(VectorQuantization.INT8).open())
        .hasMessageContaining("was created with NONE quantization, not INT8");
    assertThatThrownBy(() -> KnownContentIndex.builder(dir.resolve("new")).open())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("give its space");
  }

  @Test
  void aSecondWriterOnTheSameDirectoryIsRefused() {
    try (KnownContentIndex a = KnownContentIndex.builder(dir).space(S).open()) {
      assertThatThrownBy(() -> KnownContentIndex.builder(dir).open())
          .isInstanceOf(ModerationException.class).hasMessageContaining("is already open");
    }
  }

  @Test
  void badQueriesAreRefused() {
    try (KnownContentIndex index = KnownContentIndex.builder(dir).space(S).open()) {
      ImageEmbedding q = S.embed(TestVectors.gaussian(new Random(3), 64));
      assertThatThrownBy(() -> index.match(q, 0, 0.9)).hasMessage("k must be 1 to 10000, got 0");
      assertThatThrownBy(() -> index.match(q, 1, 1.5)).hasMessageContaining("match threshold must be a cosine similarity in [-1, 1], got 1.5");
      assertThatThrownBy(() -> index.match(EmbeddingSpace.CLIP_VIT_B_32.embed(TestVectors.gaussian(new Random(3), 512)), 1, 0.9))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(index.match(q, 5, -1)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(VectorQuantization.class)
  void bruteForceAgreesWithExactSearchOnSeededRandomQueries(VectorQuantization q) {
    Random r = new Random(42);
    List<KnownItem> items = items(r, 600, "b");
    try (KnownContentIndex index = KnownContentIndex.builder(dir).space(S).quantization(q).open()) {
      index.addAll(items.subList(0, 300));
      index.commit();
      index.addAll(items.subList(300, 600)); // a second segment
      IntStream.range(0, 40).forEach(i -> index.delete("b" + (i * 7)));
      List<KnownItem> live = items.stream().filter(it -> !(Integer.parseInt(it.id().substring(1)) % 7 == 0
          && Integer.parseInt(it.id().substring(1)) / 7 < 40)).toList();
      assertThat(index.scansExactly()).isTrue();
      for (int t = 0; t < 60; t++) {
        ImageEmbedding query = t % 2 == 0
            ? S.embed(TestVectors.near(r, live.get(r.nextInt(live.size())).embedding().values(), 0.5 + r.nextDouble()))
            : S.embed(TestVectors.gaussian(r, 64));
        double threshold = t % 2 == 0 ? 0.5 : 0.1;
        assertThat(index.match(query, 5, threshold)).extracting(KnownMatch::id)
            .as("query %d", t).isEqualTo(exact(live, query, 5, threshold));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(VectorQuantization.class)
  void hnswFindsPlantedNearDuplicatesWithRecallOfAtLeast99Percent(VectorQuantization q) {
    EmbeddingSpace s = EmbeddingSpace.CLIP_VIT_L_14;
    Random r = new Random(99);
    List<KnownItem> items = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      items.add(new KnownItem("h" + i, Category.SEXUAL_MINORS, s.embed(TestVectors.gaussian(r, 768))));
    }
    try (KnownContentIndex index = KnownContentIndex.builder(dir).space(s).quantization(q).bruteForceBelow(0).open()) {
      index.addAll(items);
      assertThat(index.scansExactly()).isFalse();
      int found = 0;
      int planted = 300;
      for (int i = 0; i < planted; i++) {
        KnownItem target = items.get(r.nextInt(items.size()));
        ImageEmbedding dup = s.embed(TestVectors.near(r, target.embedding().values(), 0.3));
        List<KnownMatch> m = index.match(dup, 3, 0.9);
        if (!m.isEmpty() && m.get(0).id().equals(target.id())) {
          found++;
          assertThat(m.get(0).similarity()).isCloseTo(target.embedding().cosine(dup), org.assertj.core.data.Offset.offset(1e-5));
        }
      }
      assertThat(found / (double) planted).isGreaterThanOrEqualTo(0.99);
    }
  }

  @Test
  void hnswResultsAreASubsetOfExactSearchWithExactSimilarities() {
    Random r = new Random(5);
    List<KnownItem> items = items(r, 1500, "x");
    try (KnownContentIndex index = KnownContentIndex.builder(dir).space(S).bruteForceBelow(10).open()) {
      index.addAll(items);
      int agree = 0;
      for (int t = 0; t < 50; t++) {
        ImageEmbedding query = S.embed(TestVectors.near(r, items.get(r.nextInt(items.size())).embedding().values(), 0.8));
        List<String> want = exact(items, query, 3, 0.6);
        List<KnownMatch> got = index.match(query, 3, 0.6);
        assertThat(got).allSatisfy(m -> assertThat(m.similarity()).isGreaterThanOrEqualTo(0.6));
        assertThat(want).containsAll(got.stream().map(KnownMatch::id).toList());
        agree += got.stream().map(KnownMatch::id).toList().equals(want) ? 1 : 0;
      }
      assertThat(agree).isGreaterThanOrEqualTo(49);
    }
  }
}
