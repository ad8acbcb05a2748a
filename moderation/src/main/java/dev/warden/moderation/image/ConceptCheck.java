package dev.warden.moderation.image;

import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ConceptSet} found in one image.
 *
 * @param concepts the ordinary concepts that fired, in the set's order
 * @param specialCare the special-care concepts that fired, in the set's order
 * @param pairs the contrastive pairs that flagged the image, in the set's order
 * @param adjustment how much every later threshold was lowered because a special-care concept
 *     fired (0 when none did)
 */
public record ConceptCheck(List<ConceptHit> concepts, List<ConceptHit> specialCare,
    List<PairHit> pairs, double adjustment) {

  static final ConceptCheck NONE = new ConceptCheck(List.of(), List.of(), List.of(), 0);

  public ConceptCheck {
    concepts = List.copyOf(concepts);
    specialCare = List.copyOf(specialCare);
    pairs = List.copyOf(pairs);
  }

  /** Whether any ordinary concept fired: the Stable Diffusion safety checker's "NSFW" answer. */
  public boolean flagged() {
    return !concepts.isEmpty();
  }

  /**
   * The findings: one per fired concept and flagging pair; and one per fired special-care concept
   * when an ordinary concept fired too (a special-care concept alone only tightens thresholds, as
   * in the safety checker, but together with a fired concept it is what the image shows).
   */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(concepts.size() + pairs.size() + specialCare.size());
    for (ConceptHit h : concepts) {
      out.add(finding(h));
    }
    if (!concepts.isEmpty()) {
      for (ConceptHit h : specialCare) {
        out.add(finding(h));
      }
    }
    for (PairHit p : pairs) {
      out.add(Finding.of(p.pair().category(), p.pair().severity(), p.score(),
          new Reason.Concept(p.pair().id(), p.inappropriateSimilarity(),
              p.appropriateSimilarity() + p.pair().margin())));
    }
    return out;
  }

  private static Finding finding(ConceptHit h) {
    return Finding.of(h.concept().category(), h.concept().severity(), h.score(),
        new Reason.Concept(h.concept().id(), h.similarity(), h.threshold()));
  }
}
