package dev.warden.benchmarks.tcf;

import dev.warden.consent.tcf.IdSet;
import dev.warden.consent.tcf.PublisherRestriction;
import dev.warden.consent.tcf.RestrictionType;
import dev.warden.consent.tcf.TcString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Seeded, realistic TC strings for the TCF benchmarks: TCF 2.3 strings with several hundred
 * vendors with consent and legitimate interest, a disclosed vendors segment, and publisher
 * restrictions; vendor lists either scattered (bit field encoding) or in blocks (range encoding).
 */
final class TcfBenchmarkStrings {

  /** The offset of the vendor consent IsRangeEncoding bit in a v2 core segment. */
  private static final int IS_RANGE_BIT = 229;

  private TcfBenchmarkStrings() {}

  static String[] generate(String encoding, int vendors, int count, long seed) {
    boolean range = switch (encoding) {
      case "range" -> true;
      case "bitfield" -> false;
      default -> throw new IllegalArgumentException("encoding must be bitfield or range, got " + encoding);
    };
    Random r = new Random(seed);
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      IdSet consent = range ? blocks(r, vendors) : scattered(r, vendors);
      IdSet li = range ? blocks(r, vendors / 3) : scattered(r, vendors / 3);
      int maxId = Math.max(consent.max(), li.max());
      List<PublisherRestriction> restrictions = new ArrayList<>();
      int[] purposes = {2, 3, 4, 7};
      for (int k = 0; k < purposes.length; k++) {
        int start = 1 + r.nextInt(maxId - 40);
        restrictions.add(new PublisherRestriction(purposes[k], RestrictionType.ofCode(k % 3),
            k % 2 == 0 ? IdSet.range(start, start + 30) : IdSet.of(start, start + 7, start + 19, start + 33)));
      }
      TcString t = TcString.builder()
          .created(Instant.parse("2026-03-01T08:00:00Z").plusSeconds(r.nextInt(86_400 * 60)))
          .cmpId(1 + r.nextInt(400)).cmpVersion(1 + r.nextInt(20)).consentScreen(1)
          .vendorListVersion(100 + r.nextInt(50)).tcfPolicyVersion(5)
          .purposesConsent(IdSet.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
          .purposesLITransparency(IdSet.of(2, 7, 8, 9, 10, 11))
          .specialFeatureOptIns(IdSet.of(1))
          .vendorConsent(consent)
          .vendorLegitimateInterest(li)
          .publisherRestrictions(restrictions)
          .disclosedVendors(IdSet.range(1, maxId))
          .build();
      out[i] = t.encode();
      if (isRange(out[i]) != range) {
        throw new IllegalStateException("expected " + encoding + " encoding for " + out[i]);
      }
    }
    return out;
  }

  /** Whether the vendor consent section of a v2 string is range-encoded. */
  static boolean isRange(String tcString) {
    String core = tcString.split("\\.")[0];
    byte[] bytes = Base64.getUrlDecoder().decode(core);
    return (bytes[IS_RANGE_BIT >>> 3] >>> (7 - (IS_RANGE_BIT & 7)) & 1) == 1;
  }

  /** About {@code n} ids scattered over 1..2n (bit field is shorter). */
  private static IdSet scattered(Random r, int n) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 1; id <= 2 * n; id++) {
      if (r.nextBoolean()) {
        ids.add(id);
      }
    }
    return IdSet.copyOf(ids);
  }

  /** About {@code n} ids in blocks of 20 to 80 consecutive ids over 1..3n (ranges are shorter). */
  private static IdSet blocks(Random r, int n) {
    List<Integer> ids = new ArrayList<>();
    int at = 1 + r.nextInt(20);
    while (ids.size() < n) {
      int len = 20 + r.nextInt(61);
      for (int i = 0; i < len; i++) {
        ids.add(at + i);
      }
      at += len + 10 + r.nextInt(100);
    }
    return IdSet.copyOf(ids);
  }

  /** Seeded vendor ids to look up, a mix of members and non-members. */
  static int[] lookups(int vendors, int count, long seed) {
    Random r = new Random(seed);
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = 1 + r.nextInt(3 * vendors);
    }
    return ids;
  }
}
