package dev.warden.consent.signal;

import dev.warden.policy.OptOutSignal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the opt-out signals of a request: Global Privacy Control ({@code Sec-GPC: 1}, which opts
 * the person out of the sale and sharing of their data) and, only when the host opts in, the
 * deprecated Do Not Track ({@code DNT: 1}). Any value other than {@code 1} is no signal, as the GPC
 * specification says. Immutable and thread-safe.
 *
 * {@snippet :
 * ConsentSignals signals = ConsentSignals.builder().honourDoNotTrack(false).build();
 * ConsentState state = stored.withSignals(signals.read(request.getHeader("Sec-GPC"), request.getHeader("DNT")));
 * }
 */
public final class ConsentSignals {

  /** The GPC request header. */
  public static final String SEC_GPC = "Sec-GPC";
  /** The Do Not Track request header. */
  public static final String DNT = "DNT";

  private final boolean honourDoNotTrack;

  private ConsentSignals(boolean honourDoNotTrack) {
    this.honourDoNotTrack = honourDoNotTrack;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: GPC honoured, Do Not Track ignored. */
  public static ConsentSignals defaults() {
    return new ConsentSignals(false);
  }

  /** Whether a {@code Sec-GPC} header value is the GPC signal: exactly {@code 1} (surrounding spaces ignored). */
  public static boolean isGpc(String secGpcValue) {
    return secGpcValue != null && secGpcValue.strip().equals("1");
  }

  /** Whether a {@code DNT} header value asks not to be tracked: exactly {@code 1}. */
  public static boolean isDoNotTrack(String dntValue) {
    return dntValue != null && dntValue.strip().equals("1");
  }

  /**
   * The signals of a request.
   *
   * @param secGpc the {@code Sec-GPC} header value, or null when absent
   * @param dnt the {@code DNT} header value, or null when absent
   */
  public Set<OptOutSignal> read(String secGpc, String dnt) {
    Set<OptOutSignal> out = EnumSet.noneOf(OptOutSignal.class);
    if (isGpc(secGpc)) {
      out.add(OptOutSignal.GPC);
    }
    if (honourDoNotTrack && isDoNotTrack(dnt)) {
      out.add(OptOutSignal.DO_NOT_TRACK);
    }
    return Set.copyOf(out);
  }

  /**
   * The signals of a request's headers, looked up case-insensitively. A header sent more than once
   * is a signal only if every value is {@code 1}.
   */
  public Set<OptOutSignal> read(Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return read(single(headers, SEC_GPC), single(headers, DNT));
  }

  private static String single(Map<String, List<String>> headers, String name) {
    String found = null;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
        for (String v : e.getValue()) {
          if (found != null && !found.strip().equals(v == null ? "" : v.strip())) {
            return null; // conflicting values: no signal
          }
          found = v;
        }
      }
    }
    return found;
  }

  /** Whether Do Not Track is honoured. */
  public boolean honoursDoNotTrack() {
    return honourDoNotTrack;
  }

  /** Configures {@link ConsentSignals}. */
  public static final class Builder {
    private boolean honourDoNotTrack;

    private Builder() {}

    /** Honour the deprecated Do Not Track header; default false. */
    public Builder honourDoNotTrack(boolean honour) {
      this.honourDoNotTrack = honour;
      return this;
    }

    public ConsentSignals build() {
      return new ConsentSignals(honourDoNotTrack);
    }
  }
}
