package dev.warden.policy.decision;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content category, such as {@code sexual} or {@code sexual/minors}.
 *
 * <p>Identifiers are lower-case words separated by {@code -}, with {@code /} introducing a
 * sub-category. The constants below are the taxonomy Warden's built-in lexicons and models use
 * (aligned with common moderation services); hosts may define further categories in their policy.
 *
 * @param id the category identifier, for example {@code violence/graphic}
 */
public record Category(String id) implements Comparable<Category> {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:/[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*");

  public static final Category SEXUAL = new Category("sexual");
  /** Sexual content involving minors: zero tolerance, block and report. */
  public static final Category SEXUAL_MINORS = new Category("sexual/minors");
  public static final Category VIOLENCE = new Category("violence");
  public static final Category VIOLENCE_GRAPHIC = new Category("violence/graphic");
  public static final Category HATE = new Category("hate");
  public static final Category HARASSMENT = new Category("harassment");
  public static final Category SELF_HARM = new Category("self-harm");
  /** Illicit goods and activities: drugs, weapons. */
  public static final Category ILLICIT = new Category("illicit");
  /** Real, named people in sexual or defamatory requests. */
  public static final Category IMPERSONATION = new Category("impersonation");
  /** Profanity (low severity). */
  public static final Category PROFANITY = new Category("profanity");

  /** The built-in taxonomy, in a stable order. */
  public static final List<Category> STANDARD =
      List.of(SEXUAL, SEXUAL_MINORS, VIOLENCE, VIOLENCE_GRAPHIC, HATE, HARASSMENT, SELF_HARM,
          ILLICIT, IMPERSONATION, PROFANITY);

  public Category {
    Objects.requireNonNull(id, "id");
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          "category id must be lower-case words joined by '-' with '/' before a sub-category, got '"
              + id + "'");
    }
  }

  /** Returns the category with the given identifier. */
  public static Category of(String id) {
    return new Category(id);
  }

  /** Whether {@code id} is a well-formed category identifier. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The parent category ({@code sexual} for {@code sexual/minors}), or this category. */
  public Category parent() {
    int slash = id.indexOf('/');
    return slash < 0 ? this : new Category(id.substring(0, slash));
  }

  @Override
  public int compareTo(Category o) {
    return id.compareTo(o.id);
  }

  @Override
  public String toString() {
    return id;
  }
}
