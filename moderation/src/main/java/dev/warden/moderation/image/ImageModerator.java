package dev.warden.moderation.image;

import dev.warden.policy.Policy;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Moderates image embeddings: concept similarity (the Stable Diffusion safety checker's method,
 * with special-care concepts), contrastive pairs (Q16), near-duplicate matching against known
 * prohibited images, and classifier heads (LAION's NSFW detector), combined into one decision by
 * the policy. Immutable and thread-safe once built; derive variants with {@link #toBuilder()}.
 *
 * <p>The moderator does not own the index and heads it is given: the host closes them after the
 * last call. Plugged into {@code ModerationEngine.builder().images(moderator)}, it moderates images
 * and whole submissions (prompt and image in one decision) under the engine's policy, and follows
 * the engine's reloads.
 *
 * {@snippet :
 * ImageModerator moderator = ImageModerator.builder(EmbeddingSpace.CLIP_VIT_L_14)
 *     .policy(policy)
 *     .concepts(ConceptSet.load(Path.of("concepts.json"), EmbeddingSpace.CLIP_VIT_L_14))
 *     .knownContent(index, 0.92)
 *     .head(nsfwHead, Category.SEXUAL, Severity.HIGH, 0.5)
 *     .build();
 * ImageResult r = moderator.moderate(EmbeddingSpace.CLIP_VIT_L_14.embed(vector));
 * if (r.decision().blocked()) { ... }
 * }
 */
public final class ImageModerator {

  private final EmbeddingSpace space;
  private final Policy policy;
  private final ConceptSet concepts;
  private final KnownContentIndex index;
  private final double knownThreshold;
  private final int knownK;
  private final Severity knownSeverity;
  private final List<HeadBinding> heads;

  /** A head with the category it detects, how serious that is, and its threshold. */
  record HeadBinding(ClassifierHead head, Category category, Severity severity, double threshold) {}

  private ImageModerator(Builder b) {
    this.space = b.space;
    this.policy = b.policy;
    this.concepts = b.concepts == null ? ConceptSet.empty(b.space) : b.concepts;
    this.index = b.index;
    this.knownThreshold = b.knownThreshold;
    this.knownK = b.knownK;
    this.knownSeverity = b.knownSeverity;
    this.heads = List.copyOf(b.heads);
  }

  /** Returns a builder for a moderator of embeddings of {@code space}. */
  public static Builder builder(EmbeddingSpace space) {
    return new Builder(space);
  }

  /** Returns a builder with this moderator's settings, to derive a variant (a new policy). */
  public Builder toBuilder() {
    Builder b = new Builder(space).policy(policy).concepts(concepts).knownSeverity(knownSeverity);
    if (index != null) {
      b.knownContent(index, knownThreshold, knownK);
    }
    heads.forEach(h -> b.head(h.head(), h.category(), h.severity(), h.threshold()));
    return b;
  }

  /** The space this moderator takes. */
  public EmbeddingSpace space() {
    return space;
  }

  /** The policy that decides. */
  public Policy policy() {
    return policy;
  }

  /**
   * Moderates one image.
   *
   * @throws IllegalArgumentException if the embedding is of another space
   */
  public ImageResult moderate(ImageEmbedding image) {
    return moderateAll(List.of(image)).get(0);
  }

  /** Moderates several images, running each classifier head once over the whole batch. */
  public List<ImageResult> moderateAll(List<ImageEmbedding> images) {
    float[][] batch = new float[images.size()][];
    for (int i = 0; i < batch.length; i++) {
      ImageEmbedding e = images.get(i);
      e.requireSameSpace(space, "image moderator");
      batch[i] = e.unit();
    }
    float[][] headScores = new float[heads.size()][];
    for (int h = 0; h < heads.size(); h++) {
      headScores[h] = batch.length == 0 ? new float[0] : heads.get(h).head().score(batch);
    }
    List<ImageResult> out = new ArrayList<>(batch.length);
    for (int i = 0; i < batch.length; i++) {
      out.add(decide(images.get(i), headScores, i));
    }
    return out;
  }

  private ImageResult decide(ImageEmbedding image, float[][] headScores, int row) {
    List<Finding> findings = new ArrayList<>();
    ConceptCheck check = concepts.check(image);
    findings.addAll(check.findings());
    List<KnownMatch> known = index == null ? List.of() : index.match(image, knownK, knownThreshold);
    for (KnownMatch m : known) {
      findings.add(Finding.of(m.category(), knownSeverity, clamp(m.similarity()),
          new Reason.KnownContent(m.id(), m.similarity(), knownThreshold)));
    }
    List<HeadScore> scores = new ArrayList<>(heads.size());
    for (int h = 0; h < heads.size(); h++) {
      HeadBinding b = heads.get(h);
      double s = clamp(headScores[h][row]);
      HeadScore hs = new HeadScore(b.head().id(), b.category(), s, b.threshold());
      scores.add(hs);
      if (hs.fired()) {
        findings.add(Finding.of(b.category(), b.severity(), s, new Reason.Model(b.head().id(), s, b.threshold())));
      }
    }
    return new ImageResult(policy.decide(findings), check, known, scores);
  }

  private static double clamp(double s) {
    return Double.isNaN(s) ? 0 : Math.max(0, Math.min(1, s));
  }

  /** Configures an {@link ImageModerator}; each setter checks its argument. Not thread-safe. */
  public static final class Builder {
    private final EmbeddingSpace space;
    private Policy policy = Policy.defaultPolicy();
    private ConceptSet concepts;
    private KnownContentIndex index;
    private double knownThreshold;
    private int knownK;
    private Severity knownSeverity = Severity.CRITICAL;
    private final List<HeadBinding> heads = new ArrayList<>();

    private Builder(EmbeddingSpace space) {
      this.space = Objects.requireNonNull(space, "space");
    }

    /** The policy that turns findings into a decision; default {@link Policy#defaultPolicy()}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The concepts to check; default none. */
    public Builder concepts(ConceptSet concepts) {
      Objects.requireNonNull(concepts, "concepts");
      if (!concepts.space().equals(space)) {
        throw new IllegalArgumentException("concept set is of space " + concepts.space()
            + " but the moderator takes " + space);
      }
      this.concepts = concepts;
      return this;
    }

    /** Near-duplicate matching against {@code index}: the 5 most similar at or above {@code threshold}. */
    public Builder knownContent(KnownContentIndex index, double threshold) {
      return knownContent(index, threshold, 5);
    }

    /**
     * Near-duplicate matching against {@code index}: the {@code k} most similar items whose cosine
     * similarity is at least {@code threshold} (in (0, 1]) become findings of their category.
     */
    public Builder knownContent(KnownContentIndex index, double threshold, int k) {
      Objects.requireNonNull(index, "index");
      if (!index.space().equals(space)) {
        throw new IllegalArgumentException("known-content index " + index.directory() + " is of space "
            + index.space() + " but the moderator takes " + space);
      }
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("known-content threshold must be in (0, 1], got " + threshold);
      }
      if (k < 1 || k > 100) {
        throw new IllegalArgumentException("known-content k must be 1 to 100, got " + k);
      }
      this.index = index;
      this.knownThreshold = threshold;
      this.knownK = k;
      return this;
    }

    /** The severity of a known-content match; default {@link Severity#CRITICAL}. */
    public Builder knownSeverity(Severity severity) {
      this.knownSeverity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Adds a classifier head: when it scores an image at or above {@code threshold} (in [0, 1]),
     * the image is a finding of {@code category} at {@code severity} with the head's score.
     */
    public Builder head(ClassifierHead head, Category category, Severity severity, double threshold) {
      Objects.requireNonNull(head, "head");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(severity, "severity");
      if (head.dimension() != space.dimension()) {
        throw new IllegalArgumentException("head " + head.id() + " takes " + head.dimension()
            + " dimensions but space " + space.name() + " has " + space.dimension());
      }
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("head " + head.id() + " threshold must be in [0, 1], got " + threshold);
      }
      if (heads.stream().anyMatch(h -> h.head().id().equals(head.id()))) {
        throw new IllegalArgumentException("a head named '" + head.id() + "' was already added");
      }
      heads.add(new HeadBinding(head, category, severity, threshold));
      return this;
    }

    public ImageModerator build() {
      return new ImageModerator(this);
    }
  }
}
