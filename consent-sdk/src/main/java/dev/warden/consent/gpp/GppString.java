package dev.warden.consent.gpp;

import dev.warden.consent.tcf.TcString;
import dev.warden.consent.tcf.TcStringException;
import dev.warden.consent.tcf.internal.BitException;
import dev.warden.consent.tcf.internal.BitReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded IAB Global Privacy Platform string: {@code header~section~section...}. The header
 * lists the section ids (Fibonacci range encoding); sections follow in that order. Sections 2
 * ({@code tcfeuv2}), 6 ({@code uspv1}) and 7 ({@code usnat}) are decoded; the others are kept as
 * their encoded text. Immutable and thread-safe.
 *
 * @param version the GPP version (1)
 * @param sectionIds the section ids, in string order
 * @param encodedSections each section's text by id, in string order
 * @param tcfEuV2 section 2, decoded
 * @param usPrivacy section 6, decoded
 * @param usNat section 7, decoded
 */
public record GppString(int version, List<Integer> sectionIds, Map<Integer, String> encodedSections,
    Optional<TcString> tcfEuV2, Optional<UsPrivacy> usPrivacy, Optional<UsNat> usNat) {

  /** Section id of the EU TCF v2 section. */
  public static final int TCFEUV2 = 2;
  /** Section id of the US Privacy section. */
  public static final int USPV1 = 6;
  /** Section id of the US National section. */
  public static final int USNAT = 7;

  private static final int MAX_CHARS = 1 << 18;
  private static final String[] NAMES = {null, "tcfeuv1", "tcfeuv2", "gppheader", "gppsignal", "tcfcav1", "uspv1",
      "usnat", "usca", "usva", "usco", "usut", "usct", "usfl", "usmt", "usor", "ustx", "usde", "usia", "usne", "usnh",
      "usnj", "ustn", "usmn"};

  public GppString {
    sectionIds = List.copyOf(sectionIds);
    encodedSections = Collections.unmodifiableMap(new LinkedHashMap<>(encodedSections));
    Objects.requireNonNull(tcfEuV2, "tcfEuV2");
    Objects.requireNonNull(usPrivacy, "usPrivacy");
    Objects.requireNonNull(usNat, "usNat");
  }

  /** The API prefix of a section id ({@code tcfeuv2}, {@code uspv1}, ...), or {@code section<N>}. */
  public static String sectionName(int id) {
    return id > 0 && id < NAMES.length ? NAMES[id] : "section" + id;
  }

  /**
   * Decodes a GPP string.
   *
   * @throws GppException for any malformed input, with the section and position at fault
   */
  public static GppString decode(String s) {
    if (s == null || s.isBlank() || s.length() > MAX_CHARS) {
      throw new GppException(GppException.Problem.EMPTY_OR_TOO_LONG, 0, 0, s == null || s.isBlank()
          ? "the GPP string is empty" : "the GPP string has " + s.length() + " characters, more than " + MAX_CHARS);
    }
    String[] parts = s.split("~", -1);
    List<Integer> ids = header(parts[0]);
    if (ids.size() != parts.length - 1) {
      throw new GppException(GppException.Problem.SECTION_MISMATCH, 0, 0, "the header lists " + ids.size()
          + " sections " + ids + " but the string has " + (parts.length - 1));
    }
    Map<Integer, String> encoded = new LinkedHashMap<>();
    TcString tcf = null;
    UsPrivacy usp = null;
    UsNat usnat = null;
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      String text = parts[i + 1];
      encoded.put(id, text);
      switch (id) {
        case TCFEUV2 -> {
          try {
            tcf = TcString.decode(text);
          } catch (TcStringException e) {
            throw new GppException(GppException.Problem.BAD_TC_STRING, TCFEUV2, e.bitOffset(),
                "section 2 (tcfeuv2): " + e.getMessage(), e);
          }
        }
        case USPV1 -> usp = UsPrivacy.parse(text);
        case USNAT -> usnat = UsNat.decode(text);
        default -> {
          // kept encoded: Warden decodes the EU TCF, US Privacy and US National sections
        }
      }
    }
    return new GppString(1, ids, encoded, Optional.ofNullable(tcf), Optional.ofNullable(usp),
        Optional.ofNullable(usnat));
  }

  /** Type (3), version (1), then the section ids as a Fibonacci range. */
  private static List<Integer> header(String text) {
    BitReader r = reader(text, 0, text.length(), 0);
    try {
      int type = r.readInt(6, "Type");
      if (type != 3) {
        throw new GppException(GppException.Problem.UNSUPPORTED_VERSION, 0, 0,
            "the GPP header type must be 3, got " + type);
      }
      int version = r.readInt(6, "Version");
      if (version != 1) {
        throw new GppException(GppException.Problem.UNSUPPORTED_VERSION, 0, 6,
            "GPP version " + version + " is not supported (1)");
      }
      int count = r.readInt(12, "NumEntries");
      List<Integer> ids = new ArrayList<>(Math.min(count, r.remaining() / 3));
      int last = 0;
      for (int i = 0; i < count; i++) {
        int at = r.position();
        boolean isRange = r.readBit("IsARange");
        int first = last + r.readFibonacci(24, "SectionId");
        int end = isRange ? first + r.readFibonacci(24, "SectionIdRangeEnd") : first;
        if (end > 64 || end - first > 64) {
          throw new GppException(GppException.Problem.SECTION_MISMATCH, 0, at,
              "header entry " + i + " at bit " + at + " names section ids up to " + end + "; none is above 64");
        }
        for (int id = first; id <= end; id++) {
          ids.add(id);
        }
        last = end;
      }
      return ids;
    } catch (BitException e) {
      throw new GppException(GppException.Problem.TRUNCATED, 0, e.bitOffset(), "GPP header: " + e.getMessage());
    }
  }

  static BitReader reader(String s, int start, int end, int sectionId) {
    if (start == end) {
      throw new GppException(GppException.Problem.BAD_CHARACTER, sectionId, 0,
          "section " + sectionId + " (" + sectionName(sectionId) + ") is empty");
    }
    try {
      return BitReader.ofBase64Url(s, start, end);
    } catch (BitException e) {
      throw new GppException(GppException.Problem.BAD_CHARACTER, sectionId, e.bitOffset(),
          "section " + sectionId + " (" + sectionName(sectionId) + "): " + e.getMessage());
    }
  }
}
