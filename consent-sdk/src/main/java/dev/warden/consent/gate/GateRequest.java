package dev.warden.consent.gate;

import java.util.Locale;
import java.util.Objects;

/**
 * The request a response answers, as far as the gate needs it.
 *
 * @param host the request's host, without port
 * @param path the request's path, starting with {@code /}
 * @param https whether the request came over HTTPS
 * @param cookieHeader the request's {@code Cookie} header value; empty when it had none
 */
public record GateRequest(String host, String path, boolean https, String cookieHeader) {

  public GateRequest {
    Objects.requireNonNull(host, "host");
    host = host.strip().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || host.indexOf(':') >= 0 || host.indexOf('/') >= 0) {
      throw new IllegalArgumentException("host must be a host name without port or path, got '" + host + "'");
    }
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
    }
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    Objects.requireNonNull(cookieHeader, "cookieHeader");
  }

  /** An HTTPS request for a path, without cookies. */
  public static GateRequest https(String host, String path) {
    return new GateRequest(host, path, true, "");
  }

  /** This request with the given {@code Cookie} header. */
  public GateRequest withCookies(String cookieHeader) {
    return new GateRequest(host, path, https, cookieHeader);
  }
}
