package dev.warden.moderation.image;

import dev.warden.policy.decision.Category;

/**
 * A known item that an image is a near-duplicate of.
 *
 * @param id the item's identifier
 * @param category the item's category
 * @param similarity the exact cosine similarity of the image with the item
 */
public record KnownMatch(String id, Category category, double similarity) {}
