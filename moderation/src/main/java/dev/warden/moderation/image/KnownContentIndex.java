package dev.warden.moderation.image;

import dev.warden.moderation.ModerationException;
import dev.warden.policy.decision.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * A host's list of known prohibited images, matched by embedding: near-duplicates of an item are
 * found by cosine similarity. Thread-safe: any number of threads may match while others add or
 * delete; a match sees every change made before it started.
 *
 * <p>The index lives in a directory as a Lucene index with HNSW vectors (optionally int8
 * quantized), so it survives restarts: changes are durable after {@link #commit()} or {@link
 * #close()}. While it holds at most {@link Builder#bruteForceBelow(int)} items, a match is an
 * exact SIMD scan of the vectors (kept on the heap per segment): exact, and up to that size about
 * as fast as the graph. Above it, the HNSW graph proposes {@code max(k * overFetch, minCandidates)}
 * candidates and each is re-ranked with its exact float vector, so every reported similarity is
 * exact. Lucene's similarity-threshold query is not used: it is fast because it stops exploring
 * the graph where neighbours fall below the threshold, and on 100,000 random 768-dim vectors it
 * found 12 of 64 planted near-duplicates ({@code KnownIndexQueryBenchmark} measures both).
 *
 * {@snippet :
 * try (KnownContentIndex index = KnownContentIndex.builder(Path.of("known"))
 *     .space(EmbeddingSpace.CLIP_VIT_L_14)
 *     .open()) {
 *   index.add(new KnownItem("case-1832", Category.SEXUAL_MINORS, embedding));
 *   index.commit();
 *   List<KnownMatch> m = index.match(image, 5, 0.92);
 * }
 * }
 */
public final class KnownContentIndex implements AutoCloseable {

  static final String ID = "id";
  static final String CATEGORY = "category";
  static final String VECTOR = "vec";
  static final String META_SPACE = "warden.space";
  static final String META_DIMENSION = "warden.dimension";
  static final String META_NORMALIZED = "warden.normalized";
  static final String META_QUANTIZATION = "warden.quantization";

  private final Path path;
  private final EmbeddingSpace space;
  private final VectorQuantization quantization;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final KnownIndexSearch search;
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private KnownContentIndex(Builder b, EmbeddingSpace space, VectorQuantization q, Directory dir,
      IndexWriter writer) throws IOException {
    this.path = b.path;
    this.space = space;
    this.quantization = q;
    this.directory = dir;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.search = new KnownIndexSearch(q, b.bruteForceBelow, b.overFetch, b.minCandidates);
  }

  /** Returns a builder for the index in {@code directory} (created on open if missing). */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** The index's embedding space. */
  public EmbeddingSpace space() {
    return space;
  }

  /** How the index stores vectors. */
  public VectorQuantization quantization() {
    return quantization;
  }

  /** The index's directory. */
  public Path directory() {
    return path;
  }

  /**
   * Adds an item, replacing any item with the same id. Visible to the next match; durable after
   * {@link #commit()}.
   *
   * @throws IllegalArgumentException if the item's embedding is of another space
   */
  public void add(KnownItem item) {
    addAll(List.of(item));
  }

  /** Adds items, replacing any with the same ids. */
  public void addAll(Collection<KnownItem> items) {
    for (KnownItem item : items) {
      item.embedding().requireSameSpace(space, "known-content index");
    }
    try {
      for (KnownItem item : items) {
        Document d = new Document();
        d.add(new StringField(ID, item.id(), Field.Store.YES));
        d.add(new StoredField(CATEGORY, item.category().id()));
        d.add(new KnnFloatVectorField(VECTOR, item.embedding().unit(), VectorSimilarityFunction.DOT_PRODUCT));
        writer.updateDocument(new Term(ID, item.id()), d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add to known-content index " + path + ": " + e.getMessage(), e);
    }
    dirty.set(true);
  }

  /** Deletes the item with {@code id}, if there is one. */
  public void delete(String id) {
    Objects.requireNonNull(id, "id");
    try {
      writer.deleteDocuments(new Term(ID, id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete from known-content index " + path, e);
    }
    dirty.set(true);
  }

  /** Makes every change so far durable. */
  public void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit known-content index " + path + ": " + e.getMessage(), e);
    }
  }

  /** The number of items. */
  public int size() {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      release(s);
    }
  }

  /** Whether a match at the current size scans every vector instead of searching the graph. */
  public boolean scansExactly() {
    return search.bruteForce(size());
  }

  /**
   * The known items most similar to {@code image} whose cosine similarity is at least {@code
   * threshold}: at most {@code k}, most similar first.
   *
   * @throws IllegalArgumentException if the image is of another space, {@code k} is not 1 to
   *     10,000, or {@code threshold} is not in [-1, 1]
   */
  public List<KnownMatch> match(ImageEmbedding image, int k, double threshold) {
    image.requireSameSpace(space, "known-content index");
    if (k < 1 || k > 10_000) {
      throw new IllegalArgumentException("k must be 1 to 10000, got " + k);
    }
    Concept.checkCosine(threshold, "match threshold");
    IndexSearcher s = acquire();
    try {
      return search.match(s, image.unit(), k, threshold);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search known-content index " + path + ": " + e.getMessage(), e);
    } finally {
      release(s);
    }
  }

  private IndexSearcher acquire() {
    if (closed.get()) {
      throw new IllegalStateException("known-content index " + path + " is closed");
    }
    try {
      if (dirty.getAndSet(false)) {
        searchers.maybeRefreshBlocking();
      }
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open known-content index " + path + " for search", e);
    }
  }

  private void release(IndexSearcher s) {
    try {
      searchers.release(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits and closes the index. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try (directory; writer; searchers) {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close known-content index " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "KnownContentIndex[" + path + ", " + space.name() + ", " + quantization + "]";
  }

  /** Configures and opens a {@link KnownContentIndex}; each setter checks its argument. */
  public static final class Builder {
    private final Path path;
    private EmbeddingSpace space;
    private VectorQuantization quantization;
    private int bruteForceBelow = 5_000;
    private int overFetch = 4;
    private int minCandidates = 64;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "directory");
    }

    /**
     * The index's space: required to create an index; when opening an existing one, it must be the
     * space the index was created with.
     */
    public Builder space(EmbeddingSpace space) {
      this.space = Objects.requireNonNull(space, "space");
      return this;
    }

    /**
     * How vectors are stored, for a new index (default {@link VectorQuantization#NONE}); an
     * existing index keeps the quantization it was created with, and a different one is an error.
     */
    public Builder quantization(VectorQuantization quantization) {
      this.quantization = Objects.requireNonNull(quantization, "quantization");
      return this;
    }

    /**
     * Up to how many items a match scans every vector exactly; default 5,000; 0 never. Around
     * 5,000 random 768-dim vectors the exact scan and the graph took about as long (1.3 ms on a
     * shared 2-core machine); at 20,000 the scan took 7 ms and the graph 1 ms, finding every one of
     * 64 planted near-duplicates. Raise it to keep matches exact at the cost of time.
     */
    public Builder bruteForceBelow(int items) {
      if (items < 0) {
        throw new IllegalArgumentException("brute-force size must be at least 0, got " + items);
      }
      this.bruteForceBelow = items;
      return this;
    }

    /** How many graph candidates per wanted match are re-ranked exactly; default 4. */
    public Builder overFetch(int factor) {
      if (factor < 1 || factor > 100) {
        throw new IllegalArgumentException("over-fetch factor must be 1 to 100, got " + factor);
      }
      this.overFetch = factor;
      return this;
    }

    /**
     * The fewest graph candidates a search proposes for exact re-ranking, whatever {@code k}
     * (default 64; 1 to 10,000). The graph's search is only as broad as the number of candidates it
     * is asked for: among 100,000 random 768-dim vectors, with 20 (k = 5 and the default
     * over-fetch) it found 977 of 1,000 planted near-duplicates, with 64 all of them, at about 1.6
     * times the latency.
     */
    public Builder minCandidates(int candidates) {
      if (candidates < 1 || candidates > 10_000) {
        throw new IllegalArgumentException("minimum candidates must be 1 to 10000, got " + candidates);
      }
      this.minCandidates = candidates;
      return this;
    }

    /**
     * Opens the index, creating it if the directory holds none.
     *
     * @throws ModerationException if the directory holds an index of another space or
     *     quantization, or is open elsewhere
     * @throws IllegalStateException if the index is new and no space was given
     */
    public KnownContentIndex open() {
      Directory dir = null;
      try {
        dir = FSDirectory.open(path);
        boolean exists = DirectoryReader.indexExists(dir);
        Map<String, String> meta = exists ? SegmentInfos.readLatestCommit(dir).getUserData() : Map.of();
        EmbeddingSpace s = exists ? storedSpace(meta) : space;
        if (s == null) {
          throw new IllegalStateException("known-content index " + path
              + " does not exist yet: give its space to create it");
        }
        if (space != null && !space.equals(s)) {
          throw new ModerationException("known-content index " + path + " holds vectors of space " + s
              + ", not " + space);
        }
        VectorQuantization q = exists ? VectorQuantization.valueOf(meta.get(META_QUANTIZATION))
            : quantization == null ? VectorQuantization.NONE : quantization;
        if (quantization != null && quantization != q) {
          throw new ModerationException("known-content index " + path + " was created with "
              + q + " quantization, not " + quantization);
        }
        IndexWriterConfig cfg = new IndexWriterConfig().setCodec(codec(q))
            .setRAMBufferSizeMB(256).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter w = new IndexWriter(dir, cfg);
        Map<String, String> m = new HashMap<>();
        m.put(META_SPACE, s.name());
        m.put(META_DIMENSION, Integer.toString(s.dimension()));
        m.put(META_NORMALIZED, Boolean.toString(s.normalized()));
        m.put(META_QUANTIZATION, q.name());
        w.setLiveCommitData(m.entrySet());
        if (!exists) {
          w.commit();
        }
        return new KnownContentIndex(this, s, q, dir, w);
      } catch (LockObtainFailedException e) {
        closeQuietly(dir);
        throw new ModerationException("known-content index " + path + " is already open (one writer"
            + " per directory)", e);
      } catch (IOException e) {
        closeQuietly(dir);
        throw new UncheckedIOException("cannot open known-content index " + path + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(dir);
        throw e;
      }
    }

    private EmbeddingSpace storedSpace(Map<String, String> meta) {
      String name = meta.get(META_SPACE);
      String dim = meta.get(META_DIMENSION);
      if (name == null || dim == null || meta.get(META_QUANTIZATION) == null) {
        throw new ModerationException(path + " holds a Lucene index that is not a known-content index");
      }
      return new EmbeddingSpace(name, Integer.parseInt(dim), Boolean.parseBoolean(meta.get(META_NORMALIZED)));
    }

    private static void closeQuietly(Directory dir) {
      if (dir != null) {
        try {
          dir.close();
        } catch (IOException ignored) {
          // Already failing; the first error is the one to report.
        }
      }
    }
  }

  static Lucene104Codec codec(VectorQuantization q) {
    KnnVectorsFormat format = q == VectorQuantization.INT8
        ? new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, 16, 100)
        : new Lucene99HnswVectorsFormat(16, 100);
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
  }

  static Category category(String id) {
    return Category.isValidId(id) ? Category.of(id) : Category.of("unknown");
  }
}
