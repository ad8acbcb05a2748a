package dev.warden.moderation.image;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Concepts, special-care concepts and contrastive pairs of one embedding space, checked against
 * an image in one pass. Immutable and thread-safe; build one with {@link #builder(EmbeddingSpace)}
 * or load one with {@link #load(Path, EmbeddingSpace)} (format: {@code docs/concept-sets.md}).
 *
 * <p>The check reproduces the Stable Diffusion safety checker exactly. With {@code adjustment}
 * starting at 0, each special-care concept {@code j} in order scores {@code s = round(cos_j - w_j
 * + adjustment, d)} and, when {@code s > 0}, fires and sets {@code adjustment} to the set's
 * special-care adjustment (0.01 in the checker); then each concept {@code i} scores {@code c =
 * round(cos_i - w_i + adjustment, d)} and fires when {@code c > 0}. {@code round} is Python's
 * (the exact binary value rounded half-even to {@code d} decimals; {@code d = 3} in the checker);
 * a set built with {@link Builder#scoreDecimals(int) scoreDecimals(NO_ROUNDING)} compares the
 * unrounded margin instead. Arithmetic is in double precision on float32 cosines.
 *
 * {@snippet :
 * ConceptSet set = ConceptSet.builder(EmbeddingSpace.CLIP_VIT_L_14)
 *     .concept(new Concept("nude", Category.SEXUAL, Severity.HIGH, nudeEmbedding, 0.21))
 *     .specialCare(new Concept("young child", Category.SEXUAL_MINORS, Severity.CRITICAL, childEmbedding, 0.19))
 *     .build();
 * ConceptCheck check = set.check(image);
 * }
 */
public final class ConceptSet {

  /** {@link Builder#scoreDecimals(int)} value for comparing margins without rounding. */
  public static final int NO_ROUNDING = -1;
  /** The safety checker's adjustment after a special-care concept fires. */
  public static final double SAFETY_CHECKER_ADJUSTMENT = 0.01;
  /** The safety checker's rounding of concept scores. */
  public static final int SAFETY_CHECKER_DECIMALS = 3;

  private static final double LOGIT_SCALE = 100;

  private final EmbeddingSpace space;
  private final List<Concept> concepts;
  private final List<Concept> specialCare;
  private final List<ContrastivePair> pairs;
  private final double adjustment;
  private final int decimals;
  // Flattened for the hot loop.
  private final float[][] conceptDirs;
  private final double[] conceptThresholds;
  private final float[][] specialDirs;
  private final double[] specialThresholds;
  private final float[][] pairRows;
  /** The smallest margin that rounds to a positive score; +0 without rounding (fires when > 0). */
  private final double minFiringMargin;

  private ConceptSet(Builder b) {
    this.space = b.space;
    this.concepts = List.copyOf(b.concepts);
    this.specialCare = List.copyOf(b.specialCare);
    this.pairs = List.copyOf(b.pairs);
    this.adjustment = b.adjustment;
    this.decimals = b.decimals;
    this.conceptDirs = concepts.stream().map(c -> c.embedding().unit()).toArray(float[][]::new);
    this.conceptThresholds = concepts.stream().mapToDouble(Concept::threshold).toArray();
    this.specialDirs = specialCare.stream().map(c -> c.embedding().unit()).toArray(float[][]::new);
    this.specialThresholds = specialCare.stream().mapToDouble(Concept::threshold).toArray();
    this.pairRows = new float[pairs.size() * 2][];
    for (int i = 0; i < pairs.size(); i++) {
      pairRows[2 * i] = pairs.get(i).appropriate().unit();
      pairRows[2 * i + 1] = pairs.get(i).inappropriate().unit();
    }
    this.minFiringMargin = decimals == NO_ROUNDING ? Double.MIN_VALUE : minFiring(decimals);
  }

  /** The smallest double that Python's {@code round(x, decimals)} turns into a positive number. */
  static double minFiring(int decimals) {
    BigDecimal half = BigDecimal.valueOf(5, decimals + 1);
    double x = half.doubleValue();
    while (new BigDecimal(Math.nextDown(x)).compareTo(half) > 0) {
      x = Math.nextDown(x);
    }
    while (new BigDecimal(x).compareTo(half) <= 0) {
      x = Math.nextUp(x);
    }
    return x;
  }

  /** Returns a builder for a set of the given space. */
  public static Builder builder(EmbeddingSpace space) {
    return new Builder(space);
  }

  /** An empty set: nothing ever fires. */
  public static ConceptSet empty(EmbeddingSpace space) {
    return builder(space).build();
  }

  /**
   * Loads a concept set from a JSON file (format: {@code docs/concept-sets.md}); pair files it
   * names are resolved against the file's directory.
   *
   * @throws ConceptSetException listing every problem found, each with its JSON Pointer
   */
  public static ConceptSet load(Path file, EmbeddingSpace space) {
    return ConceptSetReader.read(file, space);
  }

  /**
   * Reads a concept set from a JSON stream; {@code source} names it in errors. Pair files it names
   * are resolved against the working directory.
   */
  public static ConceptSet parse(InputStream json, String source, EmbeddingSpace space) {
    return ConceptSetReader.read(json, source, Path.of(""), space);
  }

  /** Returns a builder with this set's contents, to derive a variant. */
  public Builder toBuilder() {
    Builder b = new Builder(space);
    concepts.forEach(b::concept);
    specialCare.forEach(b::specialCare);
    pairs.forEach(b::pair);
    return b.specialCareAdjustment(adjustment).scoreDecimals(decimals);
  }

  /**
   * Checks one image.
   *
   * @throws IllegalArgumentException if the image is of another space
   */
  public ConceptCheck check(ImageEmbedding image) {
    image.requireSameSpace(space, "concept set");
    if (conceptDirs.length == 0 && specialDirs.length == 0 && pairRows.length == 0) {
      return ConceptCheck.NONE;
    }
    float[] q = image.unit();
    double adj = 0;
    List<ConceptHit> special = List.of();
    for (int j = 0; j < specialDirs.length; j++) {
      double cos = Vectors.dot(q, specialDirs[j]);
      double margin = cos - specialThresholds[j] + adj;
      if (margin >= minFiringMargin) {
        special = add(special, hit(specialCare.get(j), cos, specialThresholds[j] - adj, margin));
        adj = adjustment;
      }
    }
    List<ConceptHit> fired = List.of();
    for (int i = 0; i < conceptDirs.length; i++) {
      double cos = Vectors.dot(q, conceptDirs[i]);
      double margin = cos - conceptThresholds[i] + adj;
      if (margin >= minFiringMargin) {
        fired = add(fired, hit(concepts.get(i), cos, conceptThresholds[i] - adj, margin));
      }
    }
    List<PairHit> flagged = List.of();
    for (int p = 0; p < pairs.size(); p++) {
      double c0 = Vectors.dot(q, pairRows[2 * p]);
      double c1 = Vectors.dot(q, pairRows[2 * p + 1]);
      ContrastivePair pair = pairs.get(p);
      if (c1 - c0 > pair.margin()) {
        flagged = add(flagged, new PairHit(pair, c0, c1, logistic(c1 - c0)));
      }
    }
    if (fired.isEmpty() && special.isEmpty() && flagged.isEmpty()) {
      return ConceptCheck.NONE;
    }
    return new ConceptCheck(fired, special, flagged, adj);
  }

  private ConceptHit hit(Concept c, double cos, double thresholdInForce, double margin) {
    double rounded = decimals == NO_ROUNDING ? margin
        : new BigDecimal(margin).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    return new ConceptHit(c, cos, thresholdInForce, rounded, logistic(margin));
  }

  private static double logistic(double margin) {
    return 1 / (1 + Math.exp(-LOGIT_SCALE * margin));
  }

  private static <T> List<T> add(List<T> list, T item) {
    List<T> l = list.isEmpty() ? new ArrayList<>(4) : list;
    l.add(item);
    return l;
  }

  /** The set's space. */
  public EmbeddingSpace space() {
    return space;
  }

  /** The ordinary concepts, in order. */
  public List<Concept> concepts() {
    return concepts;
  }

  /** The special-care concepts, in order. */
  public List<Concept> specialCare() {
    return specialCare;
  }

  /** The contrastive pairs, in order. */
  public List<ContrastivePair> pairs() {
    return pairs;
  }

  /** How much thresholds are lowered once a special-care concept fires. */
  public double specialCareAdjustment() {
    return adjustment;
  }

  /** The decimals margins are rounded to before comparing with 0, or {@link #NO_ROUNDING}. */
  public int scoreDecimals() {
    return decimals;
  }

  /** Whether the set has nothing to check. */
  public boolean isEmpty() {
    return concepts.isEmpty() && specialCare.isEmpty() && pairs.isEmpty();
  }

  @Override
  public String toString() {
    return "ConceptSet[" + space.name() + ", " + concepts.size() + " concepts, " + specialCare.size()
        + " special-care, " + pairs.size() + " pairs]";
  }

  /** Configures a {@link ConceptSet}; each setter checks its argument. Not thread-safe. */
  public static final class Builder {
    private final EmbeddingSpace space;
    private final List<Concept> concepts = new ArrayList<>();
    private final List<Concept> specialCare = new ArrayList<>();
    private final List<ContrastivePair> pairs = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private double adjustment = SAFETY_CHECKER_ADJUSTMENT;
    private int decimals = SAFETY_CHECKER_DECIMALS;

    private Builder(EmbeddingSpace space) {
      this.space = Objects.requireNonNull(space, "space");
    }

    /** Adds an ordinary concept. */
    public Builder concept(Concept c) {
      concepts.add(checked(c));
      return this;
    }

    /** Adds a special-care concept: when it fires, every later threshold is lowered. */
    public Builder specialCare(Concept c) {
      specialCare.add(checked(c));
      return this;
    }

    /** Adds a contrastive pair. */
    public Builder pair(ContrastivePair p) {
      Objects.requireNonNull(p, "pair");
      p.appropriate().requireSameSpace(space, "concept set");
      unique(p.id());
      pairs.add(p);
      return this;
    }

    /** How much thresholds are lowered once a special-care concept fires; default 0.01. */
    public Builder specialCareAdjustment(double adjustment) {
      if (!(adjustment >= 0 && adjustment <= 1)) {
        throw new IllegalArgumentException("special-care adjustment must be in [0, 1], got " + adjustment);
      }
      this.adjustment = adjustment;
      return this;
    }

    /** Decimals margins are rounded to (0 to 9), or {@link #NO_ROUNDING}; default 3. */
    public Builder scoreDecimals(int decimals) {
      if (decimals != NO_ROUNDING && (decimals < 0 || decimals > 9)) {
        throw new IllegalArgumentException("score decimals must be 0 to 9, or -1 for no rounding, got "
            + decimals);
      }
      this.decimals = decimals;
      return this;
    }

    private Concept checked(Concept c) {
      Objects.requireNonNull(c, "concept");
      c.embedding().requireSameSpace(space, "concept set");
      unique(c.id());
      return c;
    }

    private void unique(String id) {
      if (!ids.add(id)) {
        throw new IllegalArgumentException("concept set already has a concept or pair named '" + id + "'");
      }
    }

    public ConceptSet build() {
      return new ConceptSet(this);
    }
  }
}
