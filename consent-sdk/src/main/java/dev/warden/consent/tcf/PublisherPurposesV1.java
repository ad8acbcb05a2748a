package dev.warden.consent.tcf;

import dev.warden.consent.tcf.internal.BitException;
import dev.warden.consent.tcf.internal.BitReader;
import java.time.Instant;
import java.util.Objects;

/**
 * A legacy TCF v1.1 publisher purposes consent string (the {@code euconsent-pubpurposes}-style
 * companion of a v1 consent string). Decode-only: nothing current writes it.
 *
 * @param version always 1
 * @param created when the record was created
 * @param lastUpdated when it was last updated
 * @param cmpId the CMP id
 * @param cmpVersion the CMP version
 * @param consentScreen the consent screen
 * @param consentLanguage the two-letter language
 * @param vendorListVersion the vendor list version
 * @param publisherPurposesVersion the version of the publisher's purposes list
 * @param standardPurposesAllowed standard purposes allowed (1..24)
 * @param customPurposesAllowed custom purposes allowed
 */
public record PublisherPurposesV1(int version, Instant created, Instant lastUpdated, int cmpId, int cmpVersion,
    int consentScreen, String consentLanguage, int vendorListVersion, int publisherPurposesVersion,
    IdSet standardPurposesAllowed, IdSet customPurposesAllowed) {

  public PublisherPurposesV1 {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    Objects.requireNonNull(consentLanguage, "consentLanguage");
    Objects.requireNonNull(standardPurposesAllowed, "standardPurposesAllowed");
    Objects.requireNonNull(customPurposesAllowed, "customPurposesAllowed");
  }

  /**
   * Decodes a v1 publisher purposes string.
   *
   * @throws TcStringException when it is not one, with the bit offset at fault
   */
  public static PublisherPurposesV1 decode(String s) {
    if (s == null || s.isBlank()) {
      throw new TcStringException(TcStringException.Problem.EMPTY, 0, 0, "the string is empty");
    }
    if (s.length() > TcLimits.MAX_STRING_CHARS) {
      throw new TcStringException(TcStringException.Problem.TOO_LONG, 0, 0, "the string has " + s.length()
          + " characters, more than the " + TcLimits.MAX_STRING_CHARS + " allowed");
    }
    BitReader r = TcStringDecoder.reader(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), s, 0,
        s.length(), 0);
    int version = TcStringDecoder.read(r, 6, "Version", 0);
    if (version != 1) {
      throw new TcStringException(TcStringException.Problem.UNSUPPORTED_VERSION, 0, 0,
          "a publisher purposes string has version 1, got " + version);
    }
    try {
      Instant created = Instant.ofEpochMilli(r.readLong(36, "Created") * 100);
      Instant lastUpdated = Instant.ofEpochMilli(r.readLong(36, "LastUpdated") * 100);
      int cmpId = r.readInt(12, "CmpId");
      int cmpVersion = r.readInt(12, "CmpVersion");
      int screen = r.readInt(6, "ConsentScreen");
      String language = TcStringDecoder.letters(r.readInt(12, "ConsentLanguage"));
      int gvl = r.readInt(12, "VendorListVersion");
      int ppVersion = r.readInt(12, "PublisherPurposesVersion");
      IdSet standard = IdSet.ofField(r.readLong(24, "StandardPurposesAllowed"), 24);
      int n = r.readInt(6, "NumberCustomPurposes");
      IdSet custom = IdSet.ofField(r.readLong(n, "CustomPurposesBitField"), n);
      return new PublisherPurposesV1(1, created, lastUpdated, cmpId, cmpVersion, screen, language, gvl, ppVersion,
          standard, custom);
    } catch (BitException e) {
      throw TcStringDecoder.translate(e, 0, "publisher purposes");
    }
  }
}
