package dev.warden.moderation;

import dev.warden.moderation.enforcement.EvidenceHash;
import dev.warden.moderation.image.ImageEmbedding;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user submitted to an image service, moderated in one call by {@link
 * ModerationEngine#moderate(Submission)}: the prompt with its negative prompt, the embedding of the
 * image that was generated or uploaded, and the account that submitted them.
 *
 * @param text the prompt, negative prompt and language hint; empty for an upload without a prompt
 * @param image the image's embedding; empty for a prompt checked before generation
 * @param accountId the submitting account as the host knows it; the engine turns it into a
 *     pseudonym before the enforcement ledger sees it. Empty when anonymous; defaults to the
 *     prompt's account. Never logged.
 * @param evidence the hash the account's record and any report cite, such as the SHA-256 of the
 *     image file the host keeps; empty to let the engine hash what it moderated (the embedding when
 *     the image was blocked, else the prompt)
 */
public record Submission(Optional<TextPrompt> text, Optional<ImageEmbedding> image,
    Optional<String> accountId, Optional<EvidenceHash> evidence) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if any part is null
   * @throws IllegalArgumentException if there is neither a prompt nor an image, the account id is
   *     blank, or it differs from the prompt's account
   */
  public Submission {
    Objects.requireNonNull(text, "text must not be null (use Optional.empty())");
    Objects.requireNonNull(image, "image must not be null (use Optional.empty())");
    Objects.requireNonNull(accountId, "accountId must not be null (use Optional.empty())");
    Objects.requireNonNull(evidence, "evidence must not be null (use Optional.empty())");
    if (text.isEmpty() && image.isEmpty()) {
      throw new IllegalArgumentException("a submission needs a prompt, an image embedding or both");
    }
    Optional<String> promptAccount = text.flatMap(TextPrompt::accountId);
    if (accountId.isPresent() && promptAccount.isPresent() && !accountId.equals(promptAccount)) {
      throw new IllegalArgumentException("the submission's account differs from its prompt's account");
    }
    accountId = accountId.or(() -> promptAccount);
    if (accountId.isPresent() && accountId.get().isBlank()) {
      throw new IllegalArgumentException("account id must not be blank");
    }
  }

  /** A prompt alone, checked before an image is generated. */
  public static Submission of(TextPrompt prompt) {
    return new Submission(Optional.of(Objects.requireNonNull(prompt, "prompt")), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** An image alone, such as an upload. */
  public static Submission of(ImageEmbedding image) {
    return new Submission(Optional.empty(), Optional.of(Objects.requireNonNull(image, "image")),
        Optional.empty(), Optional.empty());
  }

  /** A prompt and the image generated from it. */
  public static Submission of(TextPrompt prompt, ImageEmbedding image) {
    return new Submission(Optional.of(Objects.requireNonNull(prompt, "prompt")),
        Optional.of(Objects.requireNonNull(image, "image")), Optional.empty(), Optional.empty());
  }

  /** This submission with the image's embedding. */
  public Submission withImage(ImageEmbedding embedding) {
    return new Submission(text, Optional.of(Objects.requireNonNull(embedding, "image")), accountId, evidence);
  }

  /** This submission from {@code account}. */
  public Submission withAccountId(String account) {
    return new Submission(text, image, Optional.of(Objects.requireNonNull(account, "account id")), evidence);
  }

  /** This submission with the evidence hash to cite in records and reports. */
  public Submission withEvidence(EvidenceHash hash) {
    return new Submission(text, image, accountId, Optional.of(Objects.requireNonNull(hash, "evidence")));
  }

  /** Keeps prompt text and account ids out of logs and exception messages. */
  @Override
  public String toString() {
    return "Submission[" + text.map(TextPrompt::toString).orElse("no prompt") + ", "
        + image.map(ImageEmbedding::toString).orElse("no image")
        + (accountId.isPresent() ? ", with account" : "") + "]";
  }
}
