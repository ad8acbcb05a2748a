package dev.warden.policy;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Field rules shared by the record constructors (which throw) and the loader (which collects). */
final class Checks {

  static final int MAX_ID_LENGTH = 128;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private Checks() {}

  /** Returns why {@code id} is not a valid identifier, or null. */
  static String idProblem(String id) {
    if (id.isEmpty()) {
      return "must not be empty";
    }
    if (id.length() > MAX_ID_LENGTH) {
      return "must be at most " + MAX_ID_LENGTH + " characters, got " + id.length();
    }
    if (!ID.matcher(id).matches()) {
      return "must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, got '"
          + id + "'";
    }
    return null;
  }

  static String nonBlankProblem(String s) {
    return s.isBlank() ? "must not be blank" : null;
  }

  /** A period must not be negative; {@code positive} also rejects zero. */
  static String periodProblem(Period p, boolean positive) {
    if (p.isNegative()) {
      return "must not be negative, got " + p;
    }
    if (positive && p.isZero()) {
      return "must be longer than zero, got " + p;
    }
    return null;
  }

  static String unitIntervalProblem(double d) {
    return d >= 0.0 && d <= 1.0 ? null : "must be in [0,1], got " + d;
  }

  static String regexProblem(String regex) {
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "is not a valid regular expression: " + e.getDescription();
    }
  }

  static String id(String id, String what) {
    Objects.requireNonNull(id, what);
    return require(idProblem(id), what, id);
  }

  static String text(String s, String what) {
    Objects.requireNonNull(s, what);
    return require(nonBlankProblem(s), what, s);
  }

  static Period period(Period p, boolean positive, String what) {
    Objects.requireNonNull(p, what);
    return require(periodProblem(p, positive), what, p);
  }

  static List<String> ids(List<String> ids, String what) {
    List<String> copy = List.copyOf(Objects.requireNonNull(ids, what));
    for (String id : copy) {
      id(id, what + " entry");
    }
    return copy;
  }

  static <T> T require(String problem, String what, T value) {
    if (problem != null) {
      throw new IllegalArgumentException(what + " " + problem);
    }
    return value;
  }
}
