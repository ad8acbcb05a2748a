package dev.warden.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A cookie the host declares in its policy, so it is classified by the host's word first.
 *
 * @param name the cookie name, name prefix or regular expression
 * @param match how {@code name} is compared
 * @param domain optional domain the declaration is limited to (the site and its subdomains)
 * @param description optional description for the notice
 */
public record CookieDeclaration(
    String name, CookieMatch match, Optional<String> domain, Optional<String> description) {

  public CookieDeclaration {
    Checks.text(name, "cookie declaration name");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(description, "description");
    if (match == CookieMatch.PATTERN) {
      Checks.require(Checks.regexProblem(name), "cookie declaration name", name);
    }
  }

  public static CookieDeclaration exact(String name) {
    return new CookieDeclaration(name, CookieMatch.EXACT, Optional.empty(), Optional.empty());
  }

  public static CookieDeclaration prefix(String prefix) {
    return new CookieDeclaration(prefix, CookieMatch.PREFIX, Optional.empty(), Optional.empty());
  }
}
