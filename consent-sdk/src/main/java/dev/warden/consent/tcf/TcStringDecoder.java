package dev.warden.consent.tcf;

import dev.warden.consent.tcf.internal.BitException;
import dev.warden.consent.tcf.internal.BitReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Decodes TC strings; every failure becomes a {@link TcStringException}. */
final class TcStringDecoder {

  static final int SEGMENT_CORE = 0;
  static final int SEGMENT_DISCLOSED_VENDORS = 1;
  static final int SEGMENT_ALLOWED_VENDORS = 2;
  static final int SEGMENT_PUBLISHER_TC = 3;

  /** Bits of the smallest range entry (IsARange + StartOrOnlyVendorId); bounds allocations. */
  private static final int MIN_ENTRY_BITS = 17;
  /** Bits of the smallest publisher restriction (PurposeId + RestrictionType + NumEntries). */
  private static final int MIN_RESTRICTION_BITS = 20;

  private TcStringDecoder() {}

  static TcString decode(String s) {
    if (s == null || s.isBlank()) {
      throw new TcStringException(TcStringException.Problem.EMPTY, 0, 0, "the TC string is empty");
    }
    if (s.length() > TcLimits.MAX_STRING_CHARS) {
      throw new TcStringException(TcStringException.Problem.TOO_LONG, 0, 0, "the TC string has " + s.length()
          + " characters, more than the " + TcLimits.MAX_STRING_CHARS + " allowed");
    }
    byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
    int end = s.indexOf('.');
    int coreEnd = end < 0 ? s.length() : end;
    BitReader core = reader(latin1, s, 0, coreEnd, 0);
    int version = read(core, 6, "Version", 0);
    if (version == 1) {
      return TcStringV1Decoder.decode(core);
    }
    if (version != 2) {
      throw new TcStringException(TcStringException.Problem.UNSUPPORTED_VERSION, 0, 0,
          "segment 0 (core): version " + version + " is not supported (1 or 2)");
    }
    return decodeV2(s, latin1, core, end);
  }

  private static TcString decodeV2(String s, byte[] latin1, BitReader r, int dot) {
    Instant created;
    Instant lastUpdated;
    int cmpId;
    int cmpVersion;
    int consentScreen;
    String language;
    int vendorListVersion;
    int policyVersion;
    boolean serviceSpecific;
    boolean nonStandard;
    IdSet specialFeatures;
    IdSet purposesConsent;
    IdSet purposesLi;
    boolean purposeOne;
    String country;
    IdSet vendorConsent;
    IdSet vendorLi;
    List<PublisherRestriction> restrictions;
    try {
      created = Instant.ofEpochMilli(r.readLong(36, "Created") * 100);
      lastUpdated = Instant.ofEpochMilli(r.readLong(36, "LastUpdated") * 100);
      cmpId = r.readInt(12, "CmpId");
      cmpVersion = r.readInt(12, "CmpVersion");
      consentScreen = r.readInt(6, "ConsentScreen");
      language = letters(r.readInt(12, "ConsentLanguage"));
      vendorListVersion = r.readInt(12, "VendorListVersion");
      policyVersion = r.readInt(6, "TcfPolicyVersion");
      serviceSpecific = r.readBit("IsServiceSpecific");
      nonStandard = r.readBit("UseNonStandardTexts");
      specialFeatures = IdSet.ofField(r.readLong(12, "SpecialFeatureOptIns"), 12);
      purposesConsent = IdSet.ofField(r.readLong(24, "PurposesConsent"), 24);
      purposesLi = IdSet.ofField(r.readLong(24, "PurposesLITransparency"), 24);
      purposeOne = r.readBit("PurposeOneTreatment");
      country = letters(r.readInt(12, "PublisherCC"));
      vendorConsent = vendors(r, 0, "vendor consent");
      vendorLi = vendors(r, 0, "vendor legitimate interest");
      restrictions = restrictions(r);
    } catch (BitException e) {
      throw translate(e, 0, "core");
    }
    IdSet disclosed = null;
    IdSet allowed = null;
    PublisherTc pubTc = null;
    int segment = 0;
    while (dot >= 0) {
      segment++;
      int start = dot + 1;
      dot = s.indexOf('.', start);
      int stop = dot < 0 ? s.length() : dot;
      BitReader seg = reader(latin1, s, start, stop, segment);
      int type = read(seg, 3, "SegmentType", segment);
      try {
        switch (type) {
          case SEGMENT_DISCLOSED_VENDORS -> {
            if (disclosed == null) {
              disclosed = vendors(seg, segment, "disclosed vendors");
            }
          }
          case SEGMENT_ALLOWED_VENDORS -> {
            if (allowed == null) {
              allowed = vendors(seg, segment, "allowed vendors");
            }
          }
          case SEGMENT_PUBLISHER_TC -> {
            if (pubTc == null) {
              pubTc = publisherTc(seg);
            }
          }
          default -> {
            // Types 0 and 4-7 are not defined for extra segments; like the IAB library, skip them.
          }
        }
      } catch (BitException e) {
        throw translate(e, segment, segmentName(type));
      }
    }
    return new TcString(2, created, lastUpdated, cmpId, cmpVersion, consentScreen, language, vendorListVersion,
        policyVersion, serviceSpecific, nonStandard, specialFeatures, purposesConsent, purposesLi, purposeOne,
        country, vendorConsent, vendorLi, restrictions, disclosed, allowed, pubTc);
  }

  static String segmentName(int type) {
    return switch (type) {
      case SEGMENT_DISCLOSED_VENDORS -> "disclosed vendors";
      case SEGMENT_ALLOWED_VENDORS -> "allowed vendors";
      case SEGMENT_PUBLISHER_TC -> "publisher TC";
      default -> "type " + type;
    };
  }

  static BitReader reader(byte[] latin1, String s, int start, int end, int segment) {
    if (start == end) {
      throw new TcStringException(TcStringException.Problem.BAD_BASE64, segment, 0,
          "segment " + segment + " is empty");
    }
    try {
      return BitReader.ofBase64Url(latin1, s, start, end);
    } catch (BitException e) {
      throw new TcStringException(TcStringException.Problem.BAD_BASE64, segment, e.bitOffset(),
          "segment " + segment + ": " + e.getMessage());
    }
  }

  static int read(BitReader r, int bits, String field, int segment) {
    try {
      return r.readInt(bits, field);
    } catch (BitException e) {
      throw translate(e, segment, segment == 0 ? "core" : "extra");
    }
  }

  static TcStringException translate(BitException e, int segment, String name) {
    return new TcStringException(TcStringException.Problem.TRUNCATED, segment, e.bitOffset(),
        "segment " + segment + " (" + name + "): truncated: " + e.getMessage());
  }

  /** The 676 two-letter codes by their 12-bit value, so that decoding allocates no string for them. */
  private static final String[] LETTER_PAIRS = new String[26 * 64];

  static {
    for (int hi = 0; hi < 26; hi++) {
      for (int lo = 0; lo < 26; lo++) {
        LETTER_PAIRS[hi * 64 + lo] = new String(new char[] {(char) ('A' + hi), (char) ('A' + lo)});
      }
    }
  }

  static String letters(int v) {
    String pair = v < LETTER_PAIRS.length ? LETTER_PAIRS[v] : null;
    return pair != null ? pair : new String(new char[] {(char) ('A' + (v >>> 6)), (char) ('A' + (v & 63))});
  }

  /** MaxVendorId, IsRangeEncoding, then a bit field or range entries. */
  private static IdSet vendors(BitReader r, int segment, String what) {
    int max = r.readInt(16, "MaxVendorId");
    if (!r.readBit("IsRangeEncoding")) {
      return IdSet.ofBits(r.readWords(max, "BitField"), max);
    }
    return ranges(r, max, segment, what, -1);
  }

  /**
   * NumEntries then range entries, each id in 1..max. {@code restriction} is the index of the
   * publisher restriction being read, or -1 for a vendor section (whose set gets a bit index).
   */
  static IdSet ranges(BitReader r, int max, int segment, String what, int restriction) {
    int count = r.readInt(12, "NumEntries");
    int[] pairs = new int[2 * Math.min(count, r.remaining() / MIN_ENTRY_BITS)];
    for (int i = 0; i < count; i++) {
      int at = r.position();
      // IsARange and StartOrOnlyVendorId in one read
      int head = r.readInt(17, "IsARange/StartOrOnlyVendorId");
      boolean isRange = head >>> 16 != 0;
      int first = head & 0xffff;
      int last = isRange ? r.readInt(16, "EndVendorId") : first;
      if (first < 1 || last < first || last > max) {
        throw new TcStringException(TcStringException.Problem.INVALID_RANGE, segment, at,
            "segment " + segment + " (" + (restriction < 0 ? what : "publisher restriction " + restriction)
                + "): range entry " + i + " at bit " + at + " is " + first
                + (isRange ? "-" + last : "") + ", outside 1.." + max + (last < first ? " or reversed" : ""));
      }
      if (2 * i + 2 > pairs.length) {
        pairs = Arrays.copyOf(pairs, Math.max(2 * i + 2, pairs.length * 2));
      }
      pairs[2 * i] = first;
      pairs[2 * i + 1] = last;
    }
    return IdSet.ofRanges(pairs, count, restriction < 0);
  }

  private static List<PublisherRestriction> restrictions(BitReader r) {
    int count = r.readInt(12, "NumPubRestrictions");
    if (count == 0) {
      return List.of();
    }
    List<PublisherRestriction> list = new ArrayList<>(Math.min(count, r.remaining() / MIN_RESTRICTION_BITS));
    for (int i = 0; i < count; i++) {
      int purpose = r.readInt(6, "PurposeId");
      RestrictionType type = RestrictionType.ofCode(r.readInt(2, "RestrictionType"));
      IdSet vendors = ranges(r, TcLimits.MAX_VENDOR_ID, 0, null, i);
      list.add(new PublisherRestriction(purpose, type, vendors));
    }
    return Collections.unmodifiableList(list);
  }

  private static PublisherTc publisherTc(BitReader r) {
    IdSet consent = IdSet.ofField(r.readLong(24, "PubPurposesConsent"), 24);
    IdSet li = IdSet.ofField(r.readLong(24, "PubPurposesLITransparency"), 24);
    int n = r.readInt(6, "NumCustomPurposes");
    IdSet customConsent = IdSet.ofField(r.readLong(n, "CustomPurposesConsent"), n);
    IdSet customLi = IdSet.ofField(r.readLong(n, "CustomPurposesLITransparency"), n);
    return new PublisherTc(consent, li, n, customConsent, customLi);
  }
}
