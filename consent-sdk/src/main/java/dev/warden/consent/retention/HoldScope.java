package dev.warden.consent.retention;

import dev.warden.policy.audit.Pseudonym;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LegalHold} covers: one subject's data, one data category, or one subject's data in
 * one category.
 *
 * @param subject the subject whose data is held, or empty for every subject
 * @param dataCategory the data category held, or empty for every category
 */
public record HoldScope(Optional<Pseudonym> subject, Optional<String> dataCategory) {

  public HoldScope {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(dataCategory, "dataCategory");
    if (subject.isEmpty() && dataCategory.isEmpty()) {
      throw new IllegalArgumentException("a legal hold names a subject, a data category, or both");
    }
    dataCategory.ifPresent(c -> {
      if (!c.matches("[a-z0-9][a-z0-9-]{0,63}")) {
        throw new IllegalArgumentException("a held data category is a policy id such as 'usage', got '" + c + "'");
      }
    });
  }

  /** Every record of one subject. */
  public static HoldScope subject(Pseudonym subject) {
    return new HoldScope(Optional.of(subject), Optional.empty());
  }

  /** Every record of one data category. */
  public static HoldScope category(String dataCategory) {
    return new HoldScope(Optional.empty(), Optional.of(dataCategory));
  }

  /** One subject's records of one data category. */
  public static HoldScope subjectInCategory(Pseudonym subject, String dataCategory) {
    return new HoldScope(Optional.of(subject), Optional.of(dataCategory));
  }

  /** Whether records of {@code subject} in {@code category} fall under this scope. */
  public boolean covers(Pseudonym subject, String category) {
    return this.subject.map(s -> s.equals(subject)).orElse(true)
        && dataCategory.map(c -> c.equals(category)).orElse(true);
  }
}
