package dev.warden.consent.gate;

import java.util.Objects;

/**
 * One cookie of a request's {@code Cookie} header.
 *
 * @param name the cookie name
 * @param value the cookie value
 */
public record RequestCookie(String name, String value) {

  public RequestCookie {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
