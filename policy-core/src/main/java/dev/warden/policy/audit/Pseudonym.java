package dev.warden.policy.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pseudonymous subject identifier: the only way to name a person in an audit entry. The
 * alphabet excludes {@code @}, spaces and other characters of e-mail addresses and names, so a raw
 * identifier cannot be passed by mistake; derive pseudonyms with {@link Pseudonymizer}.
 *
 * @param value 1 to 128 characters of letters, digits, {@code _ - . :}
 */
public record Pseudonym(String value) {

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  public Pseudonym {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("a pseudonym is 1 to 128 characters of [A-Za-z0-9_.:-]"
          + " (derive one with Pseudonymizer); got a value of length " + value.length());
    }
  }

  public static Pseudonym of(String value) {
    return new Pseudonym(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
