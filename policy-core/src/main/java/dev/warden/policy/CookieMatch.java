package dev.warden.policy;

/** How a cookie declaration's name is compared with a cookie's name. */
public enum CookieMatch {
  /** The names are equal. */
  EXACT,
  /** The cookie's name starts with the declared name. */
  PREFIX,
  /** The cookie's name matches the declared regular expression in full. */
  PATTERN
}
