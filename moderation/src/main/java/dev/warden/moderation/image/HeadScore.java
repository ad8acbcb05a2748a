package dev.warden.moderation.image;

import dev.warden.policy.decision.Category;

/**
 * What one classifier head said about an image.
 *
 * @param headId the head's name
 * @param category the category the head detects
 * @param score the head's score in [0, 1]
 * @param threshold the score at or above which the head fires
 */
public record HeadScore(String headId, Category category, double score, double threshold) {

  /** Whether the head fired. */
  public boolean fired() {
    return score >= threshold;
  }
}
