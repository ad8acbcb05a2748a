/**
 * The Set-Cookie gate: an RFC 6265 parser for {@code Set-Cookie} and {@code Cookie} headers, and
 * {@link dev.warden.consent.gate.CookieGate}, which lets out only the cookies a consent allows and
 * expires the ones it no longer allows.
 */
package dev.warden.consent.gate;
