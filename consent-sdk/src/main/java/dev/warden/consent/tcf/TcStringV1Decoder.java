package dev.warden.consent.tcf;

import dev.warden.consent.tcf.internal.BitException;
import dev.warden.consent.tcf.internal.BitReader;
import java.time.Instant;
import java.util.List;

/** Decodes the legacy TCF v1.1 consent string (deprecated since 2020, still seen in old cookies). */
final class TcStringV1Decoder {

  private TcStringV1Decoder() {}

  /** Decodes the fields after the version; other dot-separated parts are ignored, as v1 had none. */
  static TcString decode(BitReader r) {
    try {
      Instant created = Instant.ofEpochMilli(r.readLong(36, "Created") * 100);
      Instant lastUpdated = Instant.ofEpochMilli(r.readLong(36, "LastUpdated") * 100);
      int cmpId = r.readInt(12, "CmpId");
      int cmpVersion = r.readInt(12, "CmpVersion");
      int consentScreen = r.readInt(6, "ConsentScreen");
      String language = TcStringDecoder.letters(r.readInt(12, "ConsentLanguage"));
      int vendorListVersion = r.readInt(12, "VendorListVersion");
      IdSet purposes = IdSet.ofField(r.readLong(24, "PurposesAllowed"), 24);
      IdSet none = IdSet.empty();
      if (r.remaining() < 17) {
        // Some v1 strings in the wild (and in the IAB's own tests) end after the purposes; they
        // carry no vendor consent at all.
        return new TcString(1, created, lastUpdated, cmpId, cmpVersion, consentScreen, language, vendorListVersion,
            0, false, false, none, purposes, none, false, "", none, none, List.of(), null, null, null);
      }
      int max = r.readInt(16, "MaxVendorId");
      IdSet vendors;
      if (!r.readBit("EncodingType")) {
        vendors = IdSet.ofBits(r.readWords(max, "BitField"), max);
      } else {
        boolean defaultConsent = r.readBit("DefaultConsent");
        IdSet listed = TcStringDecoder.ranges(r, max, 0, "vendor consent", -1);
        vendors = defaultConsent ? complement(listed, max) : listed;
      }
      return new TcString(1, created, lastUpdated, cmpId, cmpVersion, consentScreen, language, vendorListVersion,
          0, false, false, none, purposes, none, false, "", vendors, none, List.of(), null, null, null);
    } catch (BitException e) {
      throw TcStringDecoder.translate(e, 0, "v1 core");
    }
  }

  /** With DefaultConsent 1 the range entries list the vendors without consent. */
  private static IdSet complement(IdSet excluded, int max) {
    int[] runs = excluded.runs();
    int[] pairs = new int[runs.length + 2];
    int n = 0;
    int next = 1;
    for (int i = 0; i < runs.length; i += 2) {
      if (runs[i] > next) {
        pairs[n++] = next;
        pairs[n++] = runs[i] - 1;
      }
      next = runs[i + 1] + 1;
    }
    if (next <= max) {
      pairs[n++] = next;
      pairs[n++] = max;
    }
    return IdSet.ofRanges(pairs, n / 2, true);
  }
}
