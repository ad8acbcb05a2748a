package dev.warden.moderation.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;

/**
 * One segment's vectors copied to the heap for the exact brute-force scan: float32 rows, or int8
 * rows with a per-row scale. Immutable once built; shared by every query on the segment.
 */
final class SegmentVectors {

  final int[] docs;
  final float[][] floats;
  final byte[][] bytes;
  final float[] scales;

  private SegmentVectors(int[] docs, float[][] floats, byte[][] bytes, float[] scales) {
    this.docs = docs;
    this.floats = floats;
    this.bytes = bytes;
    this.scales = scales;
  }

  static SegmentVectors load(LeafReader reader, String field, VectorQuantization q) throws IOException {
    FloatVectorValues values = reader.getFloatVectorValues(field);
    if (values == null) {
      return new SegmentVectors(new int[0], new float[0][], new byte[0][], new float[0]);
    }
    List<float[]> rows = new ArrayList<>(values.size());
    int[] docs = new int[values.size()];
    KnnVectorValues.DocIndexIterator it = values.iterator();
    int n = 0;
    for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      docs[n++] = doc;
      rows.add(values.vectorValue(it.index()).clone());
    }
    if (q == VectorQuantization.NONE) {
      return new SegmentVectors(docs, rows.toArray(float[][]::new), null, null);
    }
    byte[][] bytes = new byte[n][];
    float[] scales = new float[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = new byte[rows.get(i).length];
      scales[i] = quantize(rows.get(i), bytes[i]);
    }
    return new SegmentVectors(docs, null, bytes, scales);
  }

  /**
   * Quantizes {@code v} symmetrically to [-127, 127] with its own scale and returns the factor
   * that turns an int8 component back into a float.
   */
  static float quantize(float[] v, byte[] out) {
    float max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    if (max == 0) {
      return 0;
    }
    float s = 127f / max;
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) Math.round(v[i] * s);
    }
    return max / 127f;
  }

  int size() {
    return docs.length;
  }

  long heapBytes() {
    long per = floats != null ? (floats.length == 0 ? 0 : floats[0].length * 4L) : (bytes.length == 0 ? 0 : bytes[0].length + 4L);
    return per * docs.length + docs.length * 4L;
  }
}
