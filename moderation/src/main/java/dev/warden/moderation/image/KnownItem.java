package dev.warden.moderation.image;

import dev.warden.policy.decision.Category;
import java.util.Objects;

/**
 * An item of a host's list of known prohibited images: its identifier in the host's list, its
 * category, and its embedding.
 *
 * @param id the host's identifier, 1 to 512 characters
 * @param category what the item is
 * @param embedding the item's embedding
 */
public record KnownItem(String id, Category category, ImageEmbedding embedding) {

  public KnownItem {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || id.length() > 512) {
      throw new IllegalArgumentException("known item id must be 1 to 512 characters, got " + id.length());
    }
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(embedding, "embedding");
  }
}
