package dev.warden.consent.tcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** IdSet against a TreeSet, in both representations. */
class IdSetTest {

  /** The same members as bits. */
  private static IdSet asBits(TreeSet<Integer> ids, int limit) {
    long[] words = new long[(limit + 63) >>> 6];
    for (int id : ids) {
      words[(id - 1) >>> 6] |= Long.MIN_VALUE >>> ((id - 1) & 63);
    }
    return IdSet.ofBits(words, limit);
  }

  /** The same members as unsorted, overlapping ranges, as a decoder may meet them. */
  private static IdSet asRanges(TreeSet<Integer> ids, Random r) {
    int[] pairs = new int[4 * ids.size() + 2];
    int n = 0;
    for (int id : ids) {
      pairs[2 * n] = id;
      pairs[2 * n + 1] = id;
      n++;
      if (r.nextInt(4) == 0) {
        pairs[2 * n] = id;
        pairs[2 * n + 1] = id;
        n++;
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int s = pairs[2 * i];
      int e = pairs[2 * i + 1];
      pairs[2 * i] = pairs[2 * j];
      pairs[2 * i + 1] = pairs[2 * j + 1];
      pairs[2 * j] = s;
      pairs[2 * j + 1] = e;
    }
    return IdSet.ofRanges(pairs, n, r.nextBoolean());
  }

  @Test
  void bothRepresentationsBehaveLikeATreeSet() {
    Random r = new Random(31L);
    for (int round = 0; round < 300; round++) {
      int limit = 1 + r.nextInt(r.nextBoolean() ? 70 : 3000);
      double p = r.nextDouble();
      TreeSet<Integer> expected = new TreeSet<>();
      for (int id = 1; id <= limit; id++) {
        if (r.nextDouble() < p) {
          expected.add(id);
        }
      }
      IdSet bits = asBits(expected, limit);
      IdSet ranges = asRanges(expected, r);
      IdSet of = IdSet.copyOf(expected);
      for (IdSet s : new IdSet[] {bits, ranges, of}) {
        assertThat(s.toArray()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(s.size()).isEqualTo(expected.size());
        assertThat(s.isEmpty()).isEqualTo(expected.isEmpty());
        assertThat(s.max()).isEqualTo(expected.isEmpty() ? 0 : expected.last());
        for (int k = 0; k < 20; k++) {
          int id = r.nextInt(limit + 10) - 3;
          assertThat(s.contains(id)).as("contains %d", id).isEqualTo(expected.contains(id));
          Integer ceiling = expected.ceiling(Math.max(id, 1));
          assertThat(s.next(id)).isEqualTo(ceiling == null ? -1 : ceiling);
        }
      }
      assertThat(bits).isEqualTo(ranges).isEqualTo(of);
      assertThat(bits.hashCode()).isEqualTo(ranges.hashCode()).isEqualTo(of.hashCode());
      assertThat(bits.toString()).isEqualTo(ranges.toString());
    }
  }

  @Test
  void runsCollapseConsecutiveIdsInToString() {
    assertThat(IdSet.of(5, 1, 2, 3, 9, 10).toString()).isEqualTo("[1-3, 5, 9-10]");
    assertThat(IdSet.range(1, 65535).size()).isEqualTo(65535);
    assertThat(IdSet.empty().toString()).isEqualTo("[]");
  }

  @Test
  void nonPositiveIdsAreRejectedWithTheValue() {
    assertThatThrownBy(() -> IdSet.of(3, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    assertThatThrownBy(() -> IdSet.range(5, 4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5-4");
  }
}
