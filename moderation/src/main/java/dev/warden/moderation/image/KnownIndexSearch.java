package dev.warden.moderation.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

/** The two ways a known-content index answers a match: exact scan, or HNSW with exact re-rank. */
final class KnownIndexSearch {

  /** How far below the threshold an int8 estimate may fall and still be re-ranked exactly. */
  static final double INT8_SLACK = 0.02;

  private final VectorQuantization quantization;
  private final int bruteForceBelow;
  private final int overFetch;
  private final int minCandidates;
  private final Map<IndexReader.CacheKey, SegmentVectors> heap = new ConcurrentHashMap<>();

  KnownIndexSearch(VectorQuantization quantization, int bruteForceBelow, int overFetch, int minCandidates) {
    this.quantization = quantization;
    this.bruteForceBelow = bruteForceBelow;
    this.overFetch = overFetch;
    this.minCandidates = minCandidates;
  }

  boolean bruteForce(int live) {
    return live <= bruteForceBelow;
  }

  List<KnownMatch> match(IndexSearcher s, float[] q, int k, double threshold) throws IOException {
    IndexReader reader = s.getIndexReader();
    int live = reader.numDocs();
    if (live == 0) {
      return List.of();
    }
    List<LeafReaderContext> leaves = reader.leaves();
    int fetch = Math.min(live, k * overFetch);
    TopHits candidates;
    if (bruteForce(live)) {
      if (quantization == VectorQuantization.NONE) {
        return materialize(leaves, scanFloats(leaves, q, k, threshold));
      }
      candidates = scanBytes(leaves, q, fetch, threshold - INT8_SLACK);
    } else {
      // The graph search's breadth is its k: below a few dozen it misses near-duplicates in large
      // graphs of high-dimensional vectors (KnownIndexQueryBenchmark prints the recall).
      fetch = Math.min(live, Math.max(fetch, minCandidates));
      TopDocs td = s.search(new KnnFloatVectorQuery(KnownContentIndex.VECTOR, q, fetch), fetch);
      candidates = new TopHits(Math.max(1, td.scoreDocs.length));
      for (ScoreDoc sd : td.scoreDocs) {
        int leaf = ReaderUtil.subIndex(sd.doc, leaves);
        candidates.offer(sd.score, leaf, sd.doc - leaves.get(leaf).docBase);
      }
    }
    return materialize(leaves, rerank(leaves, candidates, q, k, threshold));
  }

  private SegmentVectors vectors(LeafReaderContext ctx) {
    LeafReader r = ctx.reader();
    IndexReader.CacheHelper helper = r.getCoreCacheHelper();
    return heap.computeIfAbsent(helper.getKey(), key -> {
      helper.addClosedListener(heap::remove);
      try {
        return SegmentVectors.load(r, KnownContentIndex.VECTOR, quantization);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private TopHits scanFloats(List<LeafReaderContext> leaves, float[] q, int k, double threshold) {
    TopHits top = new TopHits(k);
    for (int l = 0; l < leaves.size(); l++) {
      SegmentVectors sv = vectors(leaves.get(l));
      Bits liveDocs = leaves.get(l).reader().getLiveDocs();
      float[][] rows = sv.floats;
      for (int i = 0; i < rows.length; i++) {
        float score = Vectors.dot(q, rows[i]);
        if (score >= threshold && score > top.floor() && (liveDocs == null || liveDocs.get(sv.docs[i]))) {
          top.offer(score, l, sv.docs[i]);
        }
      }
    }
    return top;
  }

  private TopHits scanBytes(List<LeafReaderContext> leaves, float[] q, int fetch, double floor) {
    byte[] qb = new byte[q.length];
    float qs = SegmentVectors.quantize(q, qb);
    TopHits top = new TopHits(fetch);
    for (int l = 0; l < leaves.size(); l++) {
      SegmentVectors sv = vectors(leaves.get(l));
      Bits liveDocs = leaves.get(l).reader().getLiveDocs();
      byte[][] rows = sv.bytes;
      for (int i = 0; i < rows.length; i++) {
        double est = Vectors.dot(qb, rows[i]) * (double) (qs * sv.scales[i]);
        if (est >= floor && est > top.floor() && (liveDocs == null || liveDocs.get(sv.docs[i]))) {
          top.offer(est, l, sv.docs[i]);
        }
      }
    }
    return top;
  }

  /** Re-scores candidates with their exact float vectors; keeps those at or above the threshold. */
  private static TopHits rerank(List<LeafReaderContext> leaves, TopHits c, float[] q, int k,
      double threshold) throws IOException {
    TopHits top = new TopHits(k);
    long[] order = new long[c.size];
    for (int i = 0; i < c.size; i++) {
      order[i] = ((long) c.leaves[i] << 32) | c.docs[i];
    }
    Arrays.sort(order);
    int currentLeaf = -1;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator it = null;
    for (long key : order) {
      int leaf = (int) (key >>> 32);
      int doc = (int) key;
      if (leaf != currentLeaf) {
        currentLeaf = leaf;
        values = leaves.get(leaf).reader().getFloatVectorValues(KnownContentIndex.VECTOR);
        it = values.iterator();
      }
      if (it.docID() < doc) {
        it.advance(doc);
      }
      if (it.docID() == doc) {
        float score = Vectors.dot(q, values.vectorValue(it.index()));
        if (score >= threshold) {
          top.offer(score, leaf, doc);
        }
      }
    }
    return top;
  }

  private static List<KnownMatch> materialize(List<LeafReaderContext> leaves, TopHits top)
      throws IOException {
    List<KnownMatch> out = new ArrayList<>(top.size);
    StoredFields[] fields = new StoredFields[leaves.size()];
    for (int i = 0; i < top.size; i++) {
      int l = top.leaves[i];
      if (fields[l] == null) {
        fields[l] = leaves.get(l).reader().storedFields();
      }
      Document d = fields[l].document(top.docs[i]);
      out.add(new KnownMatch(d.get(KnownContentIndex.ID),
          KnownContentIndex.category(d.get(KnownContentIndex.CATEGORY)),
          Math.min(1.0, top.scores[i])));
    }
    return out;
  }
}
