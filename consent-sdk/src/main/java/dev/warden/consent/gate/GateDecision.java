package dev.warden.consent.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * The gate's answer for one response.
 *
 * @param verdicts one per {@code Set-Cookie} header given, in order
 * @param expiring headers that delete cookies the request carried whose category the consent does
 *     not allow (every domain and path variant a browser may hold)
 */
public record GateDecision(List<CookieVerdict> verdicts, List<String> expiring) {

  public GateDecision {
    verdicts = List.copyOf(verdicts);
    expiring = List.copyOf(expiring);
  }

  /** The {@code Set-Cookie} headers that may go out, in order (rewritten ones as rewritten). */
  public List<String> allowed() {
    List<String> out = new ArrayList<>(verdicts.size());
    for (CookieVerdict v : verdicts) {
      v.header().ifPresent(out::add);
    }
    return out;
  }

  /** The dropped headers' verdicts. */
  public List<CookieVerdict> dropped() {
    return verdicts.stream().filter(CookieVerdict::dropped).toList();
  }

  /** Every {@code Set-Cookie} header to send: the allowed ones, then the expiring ones. */
  public List<String> headers() {
    List<String> out = allowed();
    out.addAll(expiring);
    return out;
  }
}
