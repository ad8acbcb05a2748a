package dev.warden.consent.tcf;

import dev.warden.consent.tcf.internal.BitWriter;
import java.time.Instant;

/** Encodes TC strings; each vendor list takes the shorter of bit field and range encoding. */
final class TcStringEncoder {

  private TcStringEncoder() {}

  static String encode(TcString t) {
    BitWriter w = new BitWriter();
    w.write(t.version(), 6);
    w.write(deciseconds(t.created()), 36);
    w.write(deciseconds(t.lastUpdated()), 36);
    w.write(t.cmpId(), 12);
    w.write(t.cmpVersion(), 12);
    w.write(t.consentScreen(), 6);
    letters(w, t.consentLanguage());
    w.write(t.vendorListVersion(), 12);
    if (t.version() == 1) {
      field(w, t.purposesConsent(), 24);
      vendorsV1(w, t.vendorConsent());
      return w.toBase64Url();
    }
    w.write(t.tcfPolicyVersion(), 6);
    w.writeBit(t.isServiceSpecific());
    w.writeBit(t.useNonStandardStacks());
    field(w, t.specialFeatureOptIns(), 12);
    field(w, t.purposesConsent(), 24);
    field(w, t.purposesLITransparency(), 24);
    w.writeBit(t.purposeOneTreatment());
    letters(w, t.publisherCC());
    vendors(w, t.vendorConsent());
    vendors(w, t.vendorLegitimateInterest());
    w.write(t.publisherRestrictions().size(), 12);
    for (PublisherRestriction p : t.publisherRestrictions()) {
      w.write(p.purposeId(), 6);
      w.write(p.restrictionType().code(), 2);
      entries(w, p.vendorIds().runs());
    }
    StringBuilder out = new StringBuilder(w.toBase64Url());
    if (t.hasDisclosedVendors()) {
      out.append('.').append(vendorSegment(TcStringDecoder.SEGMENT_DISCLOSED_VENDORS, t.disclosedVendors()));
    }
    if (t.hasAllowedVendors()) {
      out.append('.').append(vendorSegment(TcStringDecoder.SEGMENT_ALLOWED_VENDORS, t.allowedVendors()));
    }
    t.publisherTc().ifPresent(p -> {
      BitWriter s = new BitWriter();
      s.write(TcStringDecoder.SEGMENT_PUBLISHER_TC, 3);
      field(s, p.pubPurposesConsent(), 24);
      field(s, p.pubPurposesLITransparency(), 24);
      s.write(p.numCustomPurposes(), 6);
      field(s, p.customPurposesConsent(), p.numCustomPurposes());
      field(s, p.customPurposesLITransparency(), p.numCustomPurposes());
      out.append('.').append(s.toBase64Url());
    });
    return out.toString();
  }

  private static long deciseconds(Instant i) {
    return i.toEpochMilli() / 100;
  }

  private static void letters(BitWriter w, String two) {
    w.write(two.charAt(0) - 'A', 6);
    w.write(two.charAt(1) - 'A', 6);
  }

  /** A fixed-width field: bit i (from 1) set when id i is a member. */
  private static void field(BitWriter w, IdSet ids, int width) {
    long v = 0;
    for (int id = ids.next(1); id > 0 && id <= width; id = ids.next(id + 1)) {
      v |= 1L << (width - id);
    }
    w.write(v, width);
  }

  private static String vendorSegment(int type, IdSet ids) {
    BitWriter s = new BitWriter();
    s.write(type, 3);
    vendors(s, ids);
    return s.toBase64Url();
  }

  /** The cost in bits of range entries for these runs, NumEntries included. */
  private static long rangeBits(int[] runs) {
    long bits = 12;
    for (int i = 0; i < runs.length; i += 2) {
      bits += runs[i] == runs[i + 1] ? 17 : 33;
    }
    return bits;
  }

  private static void vendors(BitWriter w, IdSet ids) {
    int max = ids.max();
    w.write(max, 16);
    int[] runs = ids.runs();
    boolean range = runs.length / 2 <= TcLimits.MAX_12_BIT && rangeBits(runs) < max;
    w.writeBit(range);
    if (range) {
      entries(w, runs);
    } else {
      bitField(w, ids, max);
    }
  }

  private static void vendorsV1(BitWriter w, IdSet ids) {
    int max = ids.max();
    w.write(max, 16);
    int[] runs = ids.runs();
    boolean range = runs.length / 2 <= TcLimits.MAX_12_BIT && 1 + rangeBits(runs) < max;
    w.writeBit(range);
    if (range) {
      w.writeBit(false);
      entries(w, runs);
    } else {
      bitField(w, ids, max);
    }
  }

  private static void bitField(BitWriter w, IdSet ids, int max) {
    long[] bits = new long[(max + 63) >>> 6];
    ids.forEach(id -> bits[(id - 1) >>> 6] |= Long.MIN_VALUE >>> ((id - 1) & 63));
    w.writeWords(bits, max);
  }

  private static void entries(BitWriter w, int[] runs) {
    if (runs.length / 2 > TcLimits.MAX_12_BIT) {
      throw new IllegalArgumentException("a publisher restriction's vendors form " + runs.length / 2
          + " runs of consecutive ids; at most " + TcLimits.MAX_12_BIT + " fit in a TC string");
    }
    w.write(runs.length / 2, 12);
    for (int i = 0; i < runs.length; i += 2) {
      boolean isRange = runs[i] != runs[i + 1];
      w.writeBit(isRange);
      w.write(runs[i], 16);
      if (isRange) {
        w.write(runs[i + 1], 16);
      }
    }
  }
}
