package dev.warden.policy;

import java.util.Locale;

/** Enum constants as they appear in policy JSON: lower-case, words joined by '-'. */
final class JsonNames {

  private JsonNames() {}

  static String of(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant named {@code json}, or null. */
  static <E extends Enum<E>> E parse(Class<E> type, String json) {
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(json)) {
        return e;
      }
    }
    return null;
  }

  static String choices(Class<? extends Enum<?>> type) {
    StringBuilder sb = new StringBuilder();
    for (Enum<?> e : type.getEnumConstants()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(of(e)).append('\'');
    }
    return sb.toString();
  }

  /** Escapes a JSON Pointer reference token (RFC 6901). */
  static String pointerToken(String s) {
    return s.indexOf('~') < 0 && s.indexOf('/') < 0 ? s : s.replace("~", "~0").replace("/", "~1");
  }
}
