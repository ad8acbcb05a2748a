package dev.warden.consent.gpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The IAB US Privacy (CCPA) string, {@code us_privacy}: four characters, the version and three
 * flags, each {@code Y}, {@code N} or {@code -}. Also GPP section 6 ({@code uspv1}).
 *
 * @param version the specification version (1)
 * @param explicitNotice whether notice and the opportunity to opt out were given
 * @param optOutSale whether the user opted out of the sale of personal data
 * @param lspaCovered whether the publisher is a signatory of the IAB LSPA and the transaction is covered
 */
public record UsPrivacy(int version, Flag explicitNotice, Flag optOutSale, Flag lspaCovered) {

  /** One flag of the string. */
  public enum Flag {
    /** {@code Y}. */
    YES('Y'),
    /** {@code N}. */
    NO('N'),
    /** {@code -}: not applicable. */
    NOT_APPLICABLE('-');

    private final char symbol;

    Flag(char symbol) {
      this.symbol = symbol;
    }

    /** The character in the string. */
    public char symbol() {
      return symbol;
    }

    static Flag of(char c) {
      return switch (c) {
        case 'Y', 'y' -> YES;
        case 'N', 'n' -> NO;
        case '-' -> NOT_APPLICABLE;
        default -> null;
      };
    }
  }

  public UsPrivacy {
    if (version < 1 || version > 9) {
      throw new IllegalArgumentException("version must be a digit 1-9, got " + version);
    }
    Objects.requireNonNull(explicitNotice, "explicitNotice");
    Objects.requireNonNull(optOutSale, "optOutSale");
    Objects.requireNonNull(lspaCovered, "lspaCovered");
  }

  /**
   * Parses a US Privacy string. Flags may be lower case (some CMPs write them so).
   *
   * @throws GppException with the index of the first bad character
   */
  public static UsPrivacy parse(String s) {
    if (s == null || s.length() != 4) {
      throw new GppException(GppException.Problem.BAD_US_PRIVACY, GppString.USPV1, 0,
          "a US Privacy string has 4 characters, got " + (s == null ? "null" : s.length() + ": '" + shorten(s) + "'"));
    }
    char v = s.charAt(0);
    if (v < '1' || v > '9') {
      throw new GppException(GppException.Problem.BAD_US_PRIVACY, GppString.USPV1, 0,
          "US Privacy version must be a digit 1-9, got '" + v + "'");
    }
    if (v != '1') {
      throw new GppException(GppException.Problem.UNSUPPORTED_VERSION, GppString.USPV1, 0,
          "US Privacy version " + v + " is not supported (1)");
    }
    Flag[] flags = new Flag[3];
    for (int i = 1; i < 4; i++) {
      flags[i - 1] = Flag.of(s.charAt(i));
      if (flags[i - 1] == null) {
        throw new GppException(GppException.Problem.BAD_US_PRIVACY, GppString.USPV1, i,
            "US Privacy character " + i + " must be Y, N or -, got '" + s.charAt(i) + "'");
      }
    }
    return new UsPrivacy(1, flags[0], flags[1], flags[2]);
  }

  private static String shorten(String s) {
    return s.length() <= 16 ? s : s.substring(0, 16) + "...";
  }

  /** Whether the string says CCPA applies (anything but {@code 1---}). */
  public boolean applies() {
    return explicitNotice != Flag.NOT_APPLICABLE || optOutSale != Flag.NOT_APPLICABLE
        || lspaCovered != Flag.NOT_APPLICABLE;
  }

  /** Whether the user opted out of the sale of personal data. */
  public boolean optedOutOfSale() {
    return optOutSale == Flag.YES;
  }

  /** Problems against the specification; the opt-out flag may not be unknown when the string applies. */
  public List<String> violations() {
    List<String> out = new ArrayList<>();
    if (applies() && optOutSale == Flag.NOT_APPLICABLE) {
      out.add("optOutSale must be Y or N when the string applies, got '-'");
    }
    return out;
  }

  /** The four-character string. */
  public String encode() {
    return "" + version + explicitNotice.symbol() + optOutSale.symbol() + lspaCovered.symbol();
  }
}
