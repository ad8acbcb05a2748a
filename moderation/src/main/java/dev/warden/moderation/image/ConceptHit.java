package dev.warden.moderation.image;

/**
 * A concept that fired for an image.
 *
 * @param concept the concept
 * @param similarity the cosine similarity of the image with the concept
 * @param threshold the threshold in force: the concept's, lowered by any special-care adjustment
 * @param margin {@code similarity - threshold}, rounded as the concept set rounds scores (this is
 *     the Stable Diffusion safety checker's "concept score"); positive, since the concept fired
 * @param score a confidence in (0.5, 1]: {@code 1 / (1 + exp(-100 * (similarity - threshold)))},
 *     100 being CLIP's logit scale; this is the score a {@code Finding} carries
 */
public record ConceptHit(Concept concept, double similarity, double threshold, double margin,
    double score) {}
