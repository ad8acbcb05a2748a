package dev.warden.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Who to contact about the policy (the controller or its privacy contact).
 *
 * @param name the name of the controller or contact point
 * @param email the contact e-mail address
 * @param url an optional page for privacy requests
 */
public record Contact(String name, String email, Optional<String> url) {

  public Contact {
    Checks.text(name, "contact name");
    Checks.text(email, "contact email");
    if (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
      throw new IllegalArgumentException("contact email must look like name@domain, got '" + email + "'");
    }
    Objects.requireNonNull(url, "url");
  }

  public static Contact of(String name, String email) {
    return new Contact(name, email, Optional.empty());
  }
}
