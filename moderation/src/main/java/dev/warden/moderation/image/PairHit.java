package dev.warden.moderation.image;

/**
 * A contrastive pair that flagged an image.
 *
 * @param pair the pair
 * @param appropriateSimilarity the image's cosine similarity with the appropriate embedding
 * @param inappropriateSimilarity the image's cosine similarity with the inappropriate embedding
 * @param score Q16's softmax probability of "inappropriate" at CLIP's logit scale of 100:
 *     {@code 1 / (1 + exp(-100 * (inappropriate - appropriate)))}
 */
public record PairHit(ContrastivePair pair, double appropriateSimilarity,
    double inappropriateSimilarity, double score) {}
