package dev.warden.moderation.image;

import dev.warden.policy.decision.Decided;
import dev.warden.policy.decision.Decision;
import java.util.List;
import java.util.Objects;

/**
 * The explained decision on one image: the policy's decision (verdict, categories, findings, policy
 * id and version) and what each stage saw.
 *
 * @param decision the decision, made by the policy from every finding below
 * @param concepts the concepts, special-care concepts and contrastive pairs that fired
 * @param known the known items the image is a near-duplicate of, most similar first
 * @param heads every classifier head's score, fired or not, in the order the heads were added
 */
public record ImageResult(Decision decision, ConceptCheck concepts, List<KnownMatch> known,
    List<HeadScore> heads) implements Decided {

  public ImageResult {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(concepts, "concepts");
    known = List.copyOf(known);
    heads = List.copyOf(heads);
  }
}
