package dev.warden.moderation;

import dev.warden.moderation.enforcement.EnforcementLedger;
import dev.warden.moderation.enforcement.EnforcementOutcome;
import dev.warden.moderation.enforcement.EvidenceHash;
import dev.warden.moderation.enforcement.Violation;
import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.ImageModerator;
import dev.warden.moderation.image.ImageResult;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonymizer;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image moderator and the enforcement ledger of one engine snapshot, both bound to the
 * snapshot's policy so that a reload changes the text, image and enforcement rules at once.
 * Either may be absent (null). Immutable.
 */
record SubmissionParts(ImageModerator images, EnforcementLedger ledger, Pseudonymizer pseudonymizer) {

  static final SubmissionParts NONE = new SubmissionParts(null, null, null);

  /** These parts under {@code policy}: the same objects when they already follow it. */
  SubmissionParts bind(Policy policy) {
    ImageModerator m = images == null || images.policy() == policy ? images
        : images.toBuilder().policy(policy).build();
    EnforcementLedger l = ledger == null || ledger.policy() == policy ? ledger
        : ledger.toBuilder().policy(policy).build();
    return m == images && l == ledger ? this : new SubmissionParts(m, l, pseudonymizer);
  }

  /** These parts with other image moderation, under {@code policy}. */
  SubmissionParts withImages(ImageModerator moderator, Policy policy) {
    return new SubmissionParts(moderator, ledger, pseudonymizer).bind(policy);
  }

  ImageModerator requireImages() {
    if (images == null) {
      throw new IllegalStateException("this engine moderates no images: plug an ImageModerator (or"
          + " its concepts, known-content index and heads) into ModerationEngine.builder()");
    }
    return images;
  }

  /** Moderates the images of {@code submissions} in one batch (heads run once); null where none. */
  ImageResult[] images(List<Submission> submissions) {
    ImageResult[] out = new ImageResult[submissions.size()];
    List<ImageEmbedding> batch = new ArrayList<>();
    for (Submission s : submissions) {
      s.image().ifPresent(batch::add);
    }
    if (batch.isEmpty()) {
      return out;
    }
    List<ImageResult> results = requireImages().moderateAll(batch);
    int next = 0;
    for (int i = 0; i < out.length; i++) {
      if (submissions.get(i).image().isPresent()) {
        out[i] = results.get(next++);
      }
    }
    return out;
  }

  /**
   * Decides a submission from its prompt's and image's results under {@code policy}, and records a
   * blocked submission against its account when there is a ledger.
   */
  SubmissionDecision decide(Submission s, TextDecision text, ImageResult image, Policy policy) {
    List<Finding> findings = new ArrayList<>();
    if (text != null) {
      findings.addAll(text.findings());
    }
    if (image != null) {
      findings.addAll(image.findings());
    }
    Decision decision = findings.isEmpty() ? Decision.allow(policy.ref()) : policy.decide(findings);
    Optional<EnforcementOutcome> outcome = Optional.empty();
    if (ledger != null && s.accountId().isPresent() && decision.verdict() == Verdict.BLOCK) {
      Violation v = Violation.of(decision, evidence(s, text, image), policy.enforcement().zeroTolerance());
      outcome = Optional.of(ledger.record(pseudonymizer.pseudonym(s.accountId().get()), v));
    }
    return new SubmissionDecision(decision, Optional.ofNullable(text), Optional.ofNullable(image), outcome);
  }

  /** The host's hash, else the blocked image's embedding, else the prompt, else the embedding. */
  private static EvidenceHash evidence(Submission s, TextDecision text, ImageResult image) {
    if (s.evidence().isPresent()) {
      return s.evidence().get();
    }
    boolean imageBlocked = image != null && image.verdict() == Verdict.BLOCK;
    if (s.text().isPresent() && !imageBlocked) {
      return EvidenceHash.ofText(s.text().get().prompt());
    }
    return EvidenceHash.of(s.image().orElseThrow());
  }
}
