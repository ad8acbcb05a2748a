package dev.warden.consent.signal;

import dev.warden.consent.ConsentState;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.CookieClass;
import dev.warden.policy.OptOutSignal;
import dev.warden.policy.Policy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Google Consent Mode v2 for a consent state: each of the seven {@link ConsentType}s granted or
 * denied, and the {@code gtag('consent', 'default' | 'update', {...})} call that tells Google's
 * tags.
 *
 * <p>A type is granted when every cookie category of the policy with the type's class is allowed
 * (and there is at least one, except for {@code security_storage}, which is always granted). Global
 * Privacy Control opts out of the sale and sharing of data: it denies {@code ad_user_data} and
 * {@code ad_personalization} whatever the policy says.
 *
 * {@snippet :
 * ConsentMode mode = ConsentMode.of(policy, state);
 * String script = mode.gtag(ConsentMode.Command.UPDATE);
 * // gtag('consent', 'update', {'ad_storage': 'denied', ...});
 * }
 *
 * @param types every consent type with whether it is granted, in the documented order
 */
public record ConsentMode(Map<ConsentType, Boolean> types) {

  /** Which {@code gtag('consent', ...)} command to render. */
  public enum Command {
    /** Before the person chose: the page's first call, ahead of any tag. */
    DEFAULT,
    /** After the person chose or changed their choice. */
    UPDATE
  }

  public ConsentMode {
    EnumMap<ConsentType, Boolean> m = new EnumMap<>(ConsentType.class);
    m.putAll(types);
    for (ConsentType t : ConsentType.values()) {
      if (!m.containsKey(t) || m.get(t) == null) {
        throw new IllegalArgumentException("consent mode needs a value for every type; missing " + t.key());
      }
    }
    types = Collections.unmodifiableMap(m);
  }

  /** The consent mode of a state under a policy. */
  public static ConsentMode of(Policy policy, ConsentState state) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(state, "state");
    Map<CookieClass, Boolean> byClass = new EnumMap<>(CookieClass.class);
    for (CookieCategory c : policy.cookieCategories()) {
      byClass.merge(c.cookieClass(), state.allows(c), Boolean::logicalAnd);
    }
    boolean gpc = state.signals().contains(OptOutSignal.GPC);
    Map<ConsentType, Boolean> m = new EnumMap<>(ConsentType.class);
    for (ConsentType t : ConsentType.values()) {
      boolean granted = t == ConsentType.SECURITY_STORAGE || byClass.getOrDefault(t.cookieClass(), false);
      if (gpc && (t == ConsentType.AD_USER_DATA || t == ConsentType.AD_PERSONALIZATION)) {
        granted = false;
      }
      m.put(t, granted);
    }
    return new ConsentMode(m);
  }

  public boolean granted(ConsentType type) {
    return types.get(type);
  }

  /** The {@code gtag} call, one line, types in the documented order. */
  public String gtag(Command command) {
    return gtag(command, 0);
  }

  /**
   * The {@code gtag} call with {@code wait_for_update} (milliseconds the tags wait for an update;
   * only meaningful with {@link Command#DEFAULT}; 0 omits it).
   */
  public String gtag(Command command, int waitForUpdateMillis) {
    if (waitForUpdateMillis < 0) {
      throw new IllegalArgumentException("waitForUpdateMillis must not be negative, got " + waitForUpdateMillis);
    }
    StringBuilder sb = new StringBuilder(256);
    sb.append("gtag('consent', '").append(command == Command.DEFAULT ? "default" : "update").append("', {");
    boolean first = true;
    for (ConsentType t : ConsentType.values()) {
      sb.append(first ? "" : ", ").append('\'').append(t.key()).append("': '")
          .append(types.get(t) ? "granted" : "denied").append('\'');
      first = false;
    }
    if (waitForUpdateMillis > 0 && command == Command.DEFAULT) {
      sb.append(", 'wait_for_update': ").append(waitForUpdateMillis);
    }
    return sb.append("});").toString();
  }
}
