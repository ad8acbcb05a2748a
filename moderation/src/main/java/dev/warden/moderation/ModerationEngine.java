package dev.warden.moderation;

import dev.warden.moderation.enforcement.EnforcementLedger;
import dev.warden.moderation.image.ClassifierHead;
import dev.warden.moderation.image.ConceptSet;
import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.ImageModerator;
import dev.warden.moderation.image.ImageResult;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonymizer;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.EvidenceSpan;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.PolicyRef;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warden's moderation engine. Thread-safe: build one and share it; every call reads one immutable
 * snapshot of policy, lexicons, stages, image moderation and enforcement ledger, and {@link #reload}
 * swaps the snapshot atomically, so a request sees the old set or the new one, never a mix.
 *
 * <p>A text prompt goes through the stages in order: the built-in lexicon rules (every term of
 * every language in one automaton over an obfuscation-proof normalisation of the prompt, allow-list,
 * language-only false friends, combination rules), then any stage the host adds. An image
 * embedding goes through the plugged-in {@link ImageModerator} (concepts, known content, heads). A
 * {@link Submission} (prompt, negative prompt, image, account) gets one decision over both, and a
 * blocked one feeds the {@link EnforcementLedger} when there is one. The policy's content rules
 * turn the findings into the verdict.
 *
 * {@snippet :
 * ModerationEngine engine = ModerationEngine.builder()
 *     .policy(Policy.load(Path.of("policy.json")))
 *     .images(imageModerator)                       // optional: concepts, known content, heads
 *     .enforcement(ledger, pseudonymizer)           // optional: strikes per account
 *     .build();
 * TextDecision d = engine.moderate(TextPrompt.of(userPrompt).withNegativePrompt(negative));
 * if (d.verdict() == Verdict.BLOCK) {
 *   // refuse; d.matches() says which rule fired where
 * }
 * SubmissionDecision all = engine.moderate(Submission.of(TextPrompt.of(userPrompt), embedding)
 *     .withAccountId(accountId));
 * }
 */
public final class ModerationEngine {

  /**
   * The category of the finding for a prompt longer than the input limit (only the first part is
   * scanned). With no content rule for it the policy flags such prompts for review; a policy may
   * give it any action.
   */
  public static final Category INPUT_TOO_LONG = Category.of("input/too-long");

  /** The default input limit: 64 KiB of UTF-16 characters. */
  public static final int DEFAULT_MAX_INPUT_LENGTH = 64 * 1024;

  /** The default number of matches reported per prompt. */
  public static final int DEFAULT_MAX_MATCHES = 256;

  private static final Logger LOG = LoggerFactory.getLogger(ModerationEngine.class);

  private record Slot(TextStage stage, StageMode mode) {}

  private record Snapshot(Policy policy, PolicyRef ref, List<Lexicon> lexicons, CompiledLexicons compiled,
      List<Slot> stages, SubmissionParts parts) {}

  private final int maxInputLength;
  private final int maxMatches;
  private final LanguageDetection detection;
  private final StageMode ruleMode;
  private final List<Slot> hostStages;
  private final AtomicReference<Snapshot> snapshot;

  private ModerationEngine(Builder b) {
    this.maxInputLength = b.maxInputLength;
    this.maxMatches = b.maxMatches;
    this.detection = b.detection;
    this.ruleMode = b.ruleMode;
    this.hostStages = List.copyOf(b.stages);
    this.snapshot = new AtomicReference<>(snapshot(b.policy, b.lexicons, null, b.submissionParts()));
  }

  /** A builder with the default policy, the built-in lexicons and the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this engine's current settings, policy, lexicons and stages. */
  public Builder toBuilder() {
    Snapshot s = snapshot.get();
    Builder b = new Builder().policy(s.policy()).lexicons(s.lexicons()).maxInputLength(maxInputLength)
        .maxMatches(maxMatches).languageDetection(detection).ruleStage(ruleMode);
    hostStages.forEach(slot -> b.addStage(slot.stage(), slot.mode()));
    if (s.parts().images() != null) {
      b.images(s.parts().images());
    }
    if (s.parts().ledger() != null) {
      b.enforcement(s.parts().ledger(), s.parts().pseudonymizer());
    }
    return b;
  }

  private Snapshot snapshot(Policy policy, List<Lexicon> lexicons, CompiledLexicons reuse,
      SubmissionParts parts) {
    CompiledLexicons compiled = reuse != null ? reuse : CompiledLexicons.compile(lexicons);
    List<Slot> stages = new ArrayList<>();
    stages.add(new Slot(new LexiconStage(compiled, maxInputLength, maxMatches), ruleMode));
    stages.addAll(hostStages);
    LOG.debug("moderation snapshot: policy {}, {} lexicons, {} patterns, {} automaton states",
        policy.ref(), lexicons.size(), compiled.automaton.patternCount(), compiled.automaton.stateCount());
    return new Snapshot(policy, policy.ref(), List.copyOf(lexicons), compiled, List.copyOf(stages),
        parts.bind(policy));
  }

  /**
   * Moderates one prompt.
   *
   * @throws NullPointerException if {@code prompt} is null
   * @throws ModerationException if a host stage fails
   */
  public TextDecision moderate(TextPrompt prompt) {
    Objects.requireNonNull(prompt, "prompt must not be null");
    return moderate(prompt, snapshot.get());
  }

  /**
   * Moderates prompts in order, all under the same policy and lexicons even if a reload happens
   * meanwhile.
   *
   * @throws NullPointerException if the list or any prompt is null
   * @throws ModerationException if a host stage fails
   */
  public List<TextDecision> moderateAll(List<TextPrompt> prompts) {
    Objects.requireNonNull(prompts, "prompts must not be null");
    Snapshot s = snapshot.get();
    List<TextDecision> out = new ArrayList<>(prompts.size());
    for (int i = 0; i < prompts.size(); i++) {
      out.add(moderate(Objects.requireNonNull(prompts.get(i), "prompt " + i + " must not be null"), s));
    }
    return out;
  }

  /**
   * Moderates one image embedding with the image moderation plugged into this engine, under the
   * policy in force.
   *
   * @throws IllegalStateException if the engine has no image moderation
   * @throws IllegalArgumentException if the embedding is of another space
   */
  public ImageResult moderate(ImageEmbedding image) {
    Objects.requireNonNull(image, "image must not be null");
    return snapshot.get().parts().requireImages().moderate(image);
  }

  /** Moderates image embeddings in order, running each classifier head once over the batch. */
  public List<ImageResult> moderateImages(List<ImageEmbedding> images) {
    Objects.requireNonNull(images, "images must not be null");
    return snapshot.get().parts().requireImages().moderateAll(images);
  }

  /**
   * Moderates a submission in one call: the prompt and negative prompt through the text stages, the
   * image through the image moderation, and one decision of the policy over both. When the engine
   * has an enforcement ledger and the submission an account, a blocked submission is recorded as a
   * violation and the outcome (warning, suspension, termination, report) is part of the decision.
   * If recording fails (the ledger's store or report sink throws), the call fails with that
   * exception rather than return a decision whose report was not made.
   *
   * @throws IllegalStateException if the submission has an image and the engine no image moderation
   * @throws IllegalArgumentException if the image is of another space than the image moderation's
   * @throws ModerationException if a host stage fails
   */
  public SubmissionDecision moderate(Submission submission) {
    Objects.requireNonNull(submission, "submission must not be null");
    return moderateSubmissions(List.of(submission)).get(0);
  }

  /**
   * Moderates submissions in order under one snapshot, running each classifier head once over all
   * their images.
   */
  public List<SubmissionDecision> moderateSubmissions(List<Submission> submissions) {
    Objects.requireNonNull(submissions, "submissions must not be null");
    for (int i = 0; i < submissions.size(); i++) {
      Objects.requireNonNull(submissions.get(i), "submission " + i + " must not be null");
    }
    Snapshot s = snapshot.get();
    ImageResult[] images = s.parts().images(submissions);
    List<SubmissionDecision> out = new ArrayList<>(submissions.size());
    for (int i = 0; i < submissions.size(); i++) {
      Submission sub = submissions.get(i);
      TextDecision text = sub.text().map(t -> moderate(t, s)).orElse(null);
      out.add(s.parts().decide(sub, text, images[i], s.policy()));
    }
    return out;
  }

  private TextDecision moderate(TextPrompt prompt, Snapshot s) {
    EngineContext ctx = new EngineContext(prompt, s.policy(), detection);
    List<Finding> findings = ctx.mutableFindings();
    List<TextMatch> matches = new ArrayList<>();
    List<Reason.Limit> limits = new ArrayList<>();
    int length = prompt.prompt().length();
    if (length > maxInputLength) {
      Reason.Limit limit = new Reason.Limit("max-input-length",
          "scanned the first " + maxInputLength + " of " + length + " characters");
      limits.add(limit);
      findings.add(Finding.of(INPUT_TOO_LONG, Severity.LOW, 1.0, limit,
          new EvidenceSpan(maxInputLength, length)));
    }
    for (Slot slot : s.stages()) {
      if (slot.mode() == StageMode.OFF
          || slot.mode() == StageMode.WHEN_ALLOWED && ctx.verdictSoFar() != Verdict.ALLOW) {
        continue;
      }
      StageResult r;
      try {
        r = slot.stage().apply(prompt, ctx);
      } catch (RuntimeException e) {
        throw new ModerationException("text stage '" + slot.stage().name() + "' failed: " + e, e);
      }
      if (r == null) {
        throw new ModerationException("text stage '" + slot.stage().name() + "' returned null");
      }
      findings.addAll(r.findings());
      matches.addAll(r.matches());
      limits.addAll(r.limits());
    }
    Decision decision = findings.isEmpty() ? Decision.allow(s.ref()) : s.policy().decide(findings);
    return new TextDecision(decision, ctx.languageForResult(), matches, limits);
  }

  /**
   * Replaces the policy and the lexicons (the complete list: include {@link Lexicon#builtIn()} to
   * keep the built-in ones). Requests in flight finish under the old snapshot.
   *
   * @throws LexiconException if the lexicons do not compile; the engine keeps the old snapshot
   */
  public void reload(Policy policy, List<Lexicon> lexicons) {
    Objects.requireNonNull(policy, "policy must not be null");
    Objects.requireNonNull(lexicons, "lexicons must not be null");
    snapshot.set(snapshot(policy, List.copyOf(lexicons), null, snapshot.get().parts()));
  }

  /** Replaces the policy and keeps the compiled lexicons. */
  public void reload(Policy policy) {
    Objects.requireNonNull(policy, "policy must not be null");
    Snapshot s = snapshot.get();
    snapshot.set(snapshot(policy, s.lexicons(), s.compiled(), s.parts()));
  }

  /**
   * Replaces the image moderation (concepts, known-content index, heads) and keeps the policy and
   * lexicons; the moderator's own policy is replaced by the engine's. Requests in flight finish
   * with the old moderation.
   *
   * @throws IllegalArgumentException if the moderator is of another space than the one in force
   */
  public void reloadImages(ImageModerator moderator) {
    Objects.requireNonNull(moderator, "image moderator must not be null");
    Snapshot s = snapshot.get();
    ImageModerator old = s.parts().images();
    if (old != null && !old.space().equals(moderator.space())) {
      throw new IllegalArgumentException("the engine moderates images of space " + old.space()
          + ", not " + moderator.space());
    }
    snapshot.set(new Snapshot(s.policy(), s.ref(), s.lexicons(), s.compiled(), s.stages(),
        s.parts().withImages(moderator, s.policy())));
  }

  /** The policy in force. */
  public Policy policy() {
    return snapshot.get().policy();
  }

  /** The image moderation in force (bound to the policy in force), if the engine has any. */
  public Optional<ImageModerator> imageModerator() {
    return Optional.ofNullable(snapshot.get().parts().images());
  }

  /** The lexicons in force. */
  public List<Lexicon> lexicons() {
    return snapshot.get().lexicons();
  }

  /** The heap taken by the compiled lexicons in force, in bytes (an estimate of their arrays). */
  public long compiledLexiconBytes() {
    return snapshot.get().compiled().ramBytesUsed();
  }

  /** Builds a {@link ModerationEngine}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private Policy policy = Policy.defaultPolicy();
    private List<Lexicon> lexicons = new ArrayList<>(Lexicon.builtIn());
    private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;
    private int maxMatches = DEFAULT_MAX_MATCHES;
    private LanguageDetection detection = LanguageDetection.WHEN_NEEDED;
    private StageMode ruleMode = StageMode.EVERY_PROMPT;
    private final List<Slot> stages = new ArrayList<>();
    private ImageModerator.Builder images;
    private EmbeddingSpace imageSpace;
    private EnforcementLedger ledger;
    private Pseudonymizer pseudonymizer;

    private Builder() {}

    /** The policy whose content rules decide (default: {@link Policy#defaultPolicy()}). */
    public Builder policy(Policy p) {
      this.policy = Objects.requireNonNull(p, "policy must not be null");
      return this;
    }

    /** Replaces all lexicons, the built-in ones included. */
    public Builder lexicons(List<Lexicon> all) {
      Objects.requireNonNull(all, "lexicons must not be null");
      List<Lexicon> copy = new ArrayList<>();
      for (Lexicon l : all) {
        copy.add(Objects.requireNonNull(l, "lexicons must not contain null"));
      }
      this.lexicons = copy;
      return this;
    }

    /** Adds a lexicon to those already set (the built-in ones by default). */
    public Builder addLexicon(Lexicon l) {
      lexicons.add(Objects.requireNonNull(l, "lexicon must not be null"));
      return this;
    }

    /** The longest prompt scanned, in UTF-16 characters; longer ones are scanned up to it. */
    public Builder maxInputLength(int chars) {
      if (chars < 1 || chars > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("maxInputLength must be in [1, 16777216], got " + chars);
      }
      this.maxInputLength = chars;
      return this;
    }

    /** How many matches a decision reports at most (the decision itself counts all). */
    public Builder maxMatches(int n) {
      if (n < 1 || n > MatchCollector.MAX_MATCHES) {
        throw new IllegalArgumentException("maxMatches must be in [1, " + MatchCollector.MAX_MATCHES
            + "], got " + n);
      }
      this.maxMatches = n;
      return this;
    }

    /** When to run statistical language detection (default: only when it decides a match). */
    public Builder languageDetection(LanguageDetection mode) {
      this.detection = Objects.requireNonNull(mode, "languageDetection must not be null");
      return this;
    }

    /** When the built-in lexicon rules run (default: on every prompt). */
    public Builder ruleStage(StageMode mode) {
      this.ruleMode = Objects.requireNonNull(mode, "rule stage mode must not be null");
      return this;
    }

    /** Adds a stage after the lexicon rules (and after the stages added before it). */
    public Builder addStage(TextStage stage, StageMode mode) {
      Objects.requireNonNull(stage, "stage must not be null");
      Objects.requireNonNull(mode, "stage mode must not be null");
      Objects.requireNonNull(stage.name(), "stage name must not be null");
      stages.add(new Slot(stage, mode));
      return this;
    }

    /**
     * Image moderation for {@link #moderate(ImageEmbedding)} and submissions: {@code moderator}'s
     * concepts, known-content index and heads, decided by this engine's policy (the moderator's own
     * policy is not used). The parts setters below add to it.
     */
    public Builder images(ImageModerator moderator) {
      this.images = Objects.requireNonNull(moderator, "image moderator must not be null").toBuilder();
      this.imageSpace = moderator.space();
      return this;
    }

    /** Image moderation with these concepts (the space is the concept set's). */
    public Builder imageConcepts(ConceptSet concepts) {
      Objects.requireNonNull(concepts, "concepts must not be null");
      imagesOf(concepts.space()).concepts(concepts);
      return this;
    }

    /** Image moderation with near-duplicate matching against {@code index} at {@code threshold}. */
    public Builder knownContent(KnownContentIndex index, double threshold) {
      Objects.requireNonNull(index, "known-content index must not be null");
      imagesOf(index.space()).knownContent(index, threshold);
      return this;
    }

    /**
     * Image moderation with a classifier head over {@code space}: at or above {@code threshold} an
     * image is a finding of {@code category} at {@code severity}.
     */
    public Builder imageHead(EmbeddingSpace space, ClassifierHead head, Category category,
        Severity severity, double threshold) {
      imagesOf(Objects.requireNonNull(space, "space must not be null")).head(head, category, severity, threshold);
      return this;
    }

    private ImageModerator.Builder imagesOf(EmbeddingSpace space) {
      if (images == null) {
        images = ImageModerator.builder(space);
        imageSpace = space;
      } else if (!imageSpace.equals(space)) {
        throw new IllegalArgumentException("image moderation is of space " + imageSpace + ", not " + space);
      }
      return images;
    }

    /**
     * Records each blocked submission that names an account in {@code ledger}, under the pseudonym
     * {@code pseudonymizer} gives the account id. The ledger follows this engine's policy.
     */
    public Builder enforcement(EnforcementLedger ledger, Pseudonymizer pseudonymizer) {
      this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
      this.pseudonymizer = Objects.requireNonNull(pseudonymizer, "pseudonymizer must not be null");
      return this;
    }

    SubmissionParts submissionParts() {
      return images == null && ledger == null ? SubmissionParts.NONE
          : new SubmissionParts(images == null ? null : images.build(), ledger, pseudonymizer);
    }

    /**
     * Builds the engine, compiling the lexicons.
     *
     * @throws LexiconException if the lexicons do not compile together (a rule names an
     *     undeclared marker)
     */
    public ModerationEngine build() {
      return new ModerationEngine(this);
    }
  }
}
