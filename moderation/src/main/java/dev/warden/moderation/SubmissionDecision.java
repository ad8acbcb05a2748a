package dev.warden.moderation;

import dev.warden.moderation.enforcement.EnforcementOutcome;
import dev.warden.moderation.image.ImageResult;
import dev.warden.policy.decision.Decided;
import dev.warden.policy.decision.Decision;
import java.util.Objects;
import java.util.Optional;

/**
 * The one explained decision on a {@link Submission}: the policy's decision over every finding of
 * the prompt and the image together, what each side saw, and what enforcement did to the account.
 *
 * @param decision the policy's decision over the prompt's and the image's findings together
 *     (verdict, categories, findings, policy id and version)
 * @param text the prompt's own result (rule matches with offsets, language); empty without a prompt
 * @param image the image's own result (fired concepts with their scores, nearest known items, every
 *     head score); empty without an image
 * @param enforcement what recording the violation did to the account (ladder step, standing,
 *     report); empty when nothing was recorded: no violation, no account, or no ledger
 */
public record SubmissionDecision(Decision decision, Optional<TextDecision> text,
    Optional<ImageResult> image, Optional<EnforcementOutcome> enforcement) implements Decided {

  public SubmissionDecision {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(enforcement, "enforcement");
  }
}
