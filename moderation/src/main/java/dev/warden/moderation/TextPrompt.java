package dev.warden.moderation;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A text prompt to moderate, as a user typed it into an image generator.
 *
 * @param prompt what the user asked for; may be empty (an empty prompt is allowed)
 * @param negativePrompt what the user asked the generator to avoid ("nsfw, nude, lowres"): terms
 *     there are not a request for that content and never count as one
 * @param language the language the host knows the prompt is in (ISO 639-1, such as {@code en}),
 *     which spares a detection; empty when unknown
 * @param accountId the account that submitted the prompt, for the host's enforcement; empty when
 *     anonymous. Never logged.
 */
public record TextPrompt(
    String prompt, Optional<String> negativePrompt, Optional<String> language,
    Optional<String> accountId) {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if any part is null
   * @throws IllegalArgumentException if the language is not an ISO 639 code
   */
  public TextPrompt {
    Objects.requireNonNull(prompt, "prompt must not be null");
    Objects.requireNonNull(negativePrompt, "negativePrompt must not be null (use Optional.empty())");
    Objects.requireNonNull(language, "language must not be null (use Optional.empty())");
    Objects.requireNonNull(accountId, "accountId must not be null (use Optional.empty())");
    language = language.map(l -> l.toLowerCase(Locale.ROOT));
    language.ifPresent(l -> {
      if (!LANGUAGE.matcher(l).matches()) {
        throw new IllegalArgumentException("language must be an ISO 639-1 code such as 'en', got '" + l + "'");
      }
    });
  }

  /** A prompt with no negative prompt, language hint or account. */
  public static TextPrompt of(String prompt) {
    return new TextPrompt(prompt, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This prompt with a negative prompt. */
  public TextPrompt withNegativePrompt(String negative) {
    return new TextPrompt(prompt, Optional.of(Objects.requireNonNull(negative, "negative prompt")),
        language, accountId);
  }

  /** This prompt with a language hint (ISO 639-1). */
  public TextPrompt withLanguage(String code) {
    return new TextPrompt(prompt, negativePrompt, Optional.of(Objects.requireNonNull(code, "language")),
        accountId);
  }

  /** This prompt with the submitting account's id. */
  public TextPrompt withAccountId(String account) {
    return new TextPrompt(prompt, negativePrompt, language,
        Optional.of(Objects.requireNonNull(account, "account id")));
  }

  /** Keeps prompt text out of logs and exception messages. */
  @Override
  public String toString() {
    return "TextPrompt[" + prompt.length() + " chars"
        + negativePrompt.map(n -> ", negative " + n.length() + " chars").orElse("")
        + language.map(l -> ", " + l).orElse("") + "]";
  }
}
