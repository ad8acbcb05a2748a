package dev.warden.consent.tcf;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * An immutable set of positive identifiers (purpose, feature or vendor ids) as a TC string carries
 * them. Thread-safe.
 *
 * <p>A set decoded from a bit field keeps the bits; a set decoded from range entries keeps the
 * ranges, so a range that claims vendors 1 to 65535 costs two integers, not 8 KiB. Equality is by
 * members, whatever the representation.
 */
public final class IdSet {

  private static final IdSet EMPTY = new IdSet(new long[0], 0, null);

  /**
   * Bits, first id in the most significant bit of word 0. The bit form has only these; the range
   * form has them too when they are small next to the ranges, so that {@link #contains(int)} is a
   * bit test rather than a binary search, or null.
   */
  private final long[] words;
  /** The number of meaningful bits in {@link #words}. */
  private final int limit;
  /** Sorted, disjoint, inclusive [start, end] pairs; null for the bit form. */
  private final int[] ranges;

  private IdSet(long[] words, int limit, int[] ranges) {
    this.words = words;
    this.limit = limit;
    this.ranges = ranges;
  }

  /**
   * A range form set, with a bit index when it costs at most a few words per range: memory stays
   * proportional to the input, so a single range claiming vendors 1 to 65535 still costs two ints.
   */
  private static IdSet ranged(int[] r) {
    int max = r[r.length - 1];
    int wordCount = (max + 63) >>> 6;
    if (wordCount > 16 + 2 * r.length) {
      return new IdSet(null, 0, r);
    }
    long[] w = new long[wordCount];
    for (int i = 0; i < r.length; i += 2) {
      int a = r[i] - 1;
      int b = r[i + 1] - 1;
      int wa = a >>> 6;
      int wb = b >>> 6;
      long first = -1L >>> (a & 63);
      long last = Long.MIN_VALUE >> (b & 63);
      if (wa == wb) {
        w[wa] |= first & last;
      } else {
        w[wa] |= first;
        for (int k = wa + 1; k < wb; k++) {
          w[k] = -1L;
        }
        w[wb] |= last;
      }
    }
    return new IdSet(w, max, r);
  }

  /** The empty set. */
  public static IdSet empty() {
    return EMPTY;
  }

  /** A set of the given ids; each must be at least 1. */
  public static IdSet of(int... ids) {
    if (ids.length == 0) {
      return EMPTY;
    }
    int[] sorted = ids.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 1) {
      throw new IllegalArgumentException("ids must be at least 1, got " + sorted[0]);
    }
    int[] r = new int[sorted.length * 2];
    int n = 0;
    for (int id : sorted) {
      if (n > 0 && id <= r[n - 1] + 1) {
        r[n - 1] = Math.max(r[n - 1], id);
      } else {
        r[n++] = id;
        r[n++] = id;
      }
    }
    return ranged(Arrays.copyOf(r, n));
  }

  /** A set of the given ids; each must be non-null and at least 1. */
  public static IdSet copyOf(Collection<Integer> ids) {
    return of(ids.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The ids from {@code first} to {@code last}, both included. */
  public static IdSet range(int first, int last) {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("range must satisfy 1 <= first <= last, got " + first + "-" + last);
    }
    return ranged(new int[] {first, last});
  }

  /** Wraps decoded bits (not copied); {@code limit} bits are meaningful. */
  static IdSet ofBits(long[] words, int limit) {
    return limit == 0 ? EMPTY : new IdSet(words, limit, null);
  }

  /** A set from the low {@code n} bits of {@code value}, most significant bit = id 1. */
  static IdSet ofField(long value, int n) {
    return value == 0 ? EMPTY : new IdSet(new long[] {value << (64 - n)}, n, null);
  }

  /**
   * Wraps {@code count} decoded [start, end] pairs (not copied when already sorted and disjoint);
   * {@code indexed} adds the bit index where it is cheap (vendor sections, which are looked up
   * often; not publisher restrictions, which are many and looked up rarely).
   */
  static IdSet ofRanges(int[] pairs, int count, boolean indexed) {
    if (count == 0) {
      return EMPTY;
    }
    boolean normal = true;
    for (int i = 2; i < 2 * count; i += 2) {
      if (pairs[i] <= pairs[i - 1]) {
        normal = false;
        break;
      }
    }
    if (normal) {
      int[] r = pairs.length == 2 * count ? pairs : Arrays.copyOf(pairs, 2 * count);
      return indexed ? ranged(r) : new IdSet(null, 0, r);
    }
    long[] packed = new long[count];
    for (int i = 0; i < count; i++) {
      packed[i] = ((long) pairs[2 * i] << 32) | pairs[2 * i + 1];
    }
    Arrays.sort(packed);
    int[] r = new int[2 * count];
    int n = 0;
    for (long p : packed) {
      int s = (int) (p >>> 32);
      int e = (int) p;
      if (n > 0 && s <= r[n - 1] + 1) {
        r[n - 1] = Math.max(r[n - 1], e);
      } else {
        r[n++] = s;
        r[n++] = e;
      }
    }
    return indexed ? ranged(Arrays.copyOf(r, n)) : new IdSet(null, 0, Arrays.copyOf(r, n));
  }

  /** Whether {@code id} is a member. */
  public boolean contains(int id) {
    if (words != null) {
      int k = id - 1;
      return k >= 0 && k < limit && (words[k >>> 6] << (k & 63)) < 0;
    }
    int lo = 0;
    int hi = (ranges.length >>> 1) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (id < ranges[2 * mid]) {
        hi = mid - 1;
      } else if (id > ranges[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Whether the set has no members. */
  public boolean isEmpty() {
    return next(1) < 0;
  }

  /** The number of members. */
  public int size() {
    int n = 0;
    if (ranges == null) {
      for (long w : words) {
        n += Long.bitCount(w);
      }
    } else {
      for (int i = 0; i < ranges.length; i += 2) {
        n += ranges[i + 1] - ranges[i] + 1;
      }
    }
    return n;
  }

  /** The largest member, or 0 when empty. */
  public int max() {
    if (ranges != null) {
      return ranges.length == 0 ? 0 : ranges[ranges.length - 1];
    }
    for (int i = words.length - 1; i >= 0; i--) {
      if (words[i] != 0) {
        return i * 64 + 64 - Long.numberOfTrailingZeros(words[i]);
      }
    }
    return 0;
  }

  /** The smallest member at least {@code from}, or -1. */
  int next(int from) {
    int id = Math.max(from, 1);
    if (ranges != null) {
      // the first range whose end is at least id
      int lo = 0;
      int hi = ranges.length >>> 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ranges[2 * mid + 1] < id) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo == ranges.length >>> 1 ? -1 : Math.max(ranges[2 * lo], id);
    }
    int k = id - 1;
    if (k >= limit) {
      return -1;
    }
    int w = k >>> 6;
    long bits = words[w] & (-1L >>> (k & 63));
    while (true) {
      if (bits != 0) {
        return w * 64 + Long.numberOfLeadingZeros(bits) + 1;
      }
      if (++w >= words.length) {
        return -1;
      }
      bits = words[w];
    }
  }

  /** Calls {@code action} with each member in ascending order. */
  public void forEach(IntConsumer action) {
    if (ranges != null) {
      for (int i = 0; i < ranges.length; i += 2) {
        for (int id = ranges[i]; id <= ranges[i + 1]; id++) {
          action.accept(id);
        }
      }
      return;
    }
    for (int w = 0; w < words.length; w++) {
      long bits = words[w];
      while (bits != 0) {
        int lz = Long.numberOfLeadingZeros(bits);
        action.accept(w * 64 + lz + 1);
        bits &= ~(Long.MIN_VALUE >>> lz);
      }
    }
  }

  /** The members in ascending order. */
  public int[] toArray() {
    int[] out = new int[size()];
    int[] i = {0};
    forEach(id -> out[i[0]++] = id);
    return out;
  }

  /** The members in ascending order. */
  public IntStream stream() {
    return IntStream.of(toArray());
  }

  /** The maximal runs of consecutive members as [start, end] pairs, ascending. */
  int[] runs() {
    int[] r = new int[8];
    int n = 0;
    for (int s = next(1); s > 0; ) {
      int e = s;
      int after;
      while ((after = next(e + 1)) == e + 1) {
        e = after;
      }
      if (n + 2 > r.length) {
        r = Arrays.copyOf(r, r.length * 2);
      }
      r[n++] = s;
      r[n++] = e;
      s = after;
    }
    return Arrays.copyOf(r, n);
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof IdSet other)) {
      return false;
    }
    int a = next(1);
    int b = other.next(1);
    while (a == b) {
      if (a < 0) {
        return true;
      }
      a = next(a + 1);
      b = other.next(b + 1);
    }
    return false;
  }

  @Override
  public int hashCode() {
    int[] h = {1};
    forEach(id -> h[0] = 31 * h[0] + id);
    return h[0];
  }

  /** Ascending members, consecutive runs collapsed: {@code [1, 3-7, 12]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    int[] r = runs();
    for (int i = 0; i < r.length; i += 2) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(r[i]);
      if (r[i + 1] > r[i]) {
        sb.append('-').append(r[i + 1]);
      }
    }
    return sb.append(']').toString();
  }
}
