package dev.warden.consent.tcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.tcf.internal.BitWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each documented decoding problem, with the segment and bit offset it reports. */
class TcStringErrorsTest {

  private static final String VALID = TcString.builder().created(Instant.parse("2026-02-03T04:05:06Z"))
      .vendorConsent(IdSet.of(3, 9)).disclosedVendors(IdSet.of(3, 9)).build().encode();

  private static TcStringException fail(String s) {
    try {
      TcString.decode(s);
    } catch (TcStringException e) {
      return e;
    }
    throw new AssertionError("decoded: " + s);
  }

  @Test
  void aNonAsciiCharacterIsReportedAtItsIndexAndQuoted() {
    TcStringException e = fail(VALID.substring(0, 10) + "é" + VALID.substring(11));
    assertThat(e.problem()).isEqualTo(TcStringException.Problem.BAD_BASE64);
    assertThat(e.segment()).isZero();
    assertThat(e.bitOffset()).isEqualTo(60);
    assertThat(e.getMessage()).contains("'\\u00e9' at index 10");
  }

  @Test
  void aBadCharacterInALaterSegmentNamesThatSegment() {
    int dot = VALID.indexOf('.');
    TcStringException e = fail(VALID.substring(0, dot + 3) + "+" + VALID.substring(dot + 4));
    assertThat(e.problem()).isEqualTo(TcStringException.Problem.BAD_BASE64);
    assertThat(e.segment()).isEqualTo(1);
    assertThat(e.bitOffset()).isEqualTo(12);
  }

  @Test
  void emptyAndOverlongInputIsRefusedBeforeDecoding() {
    assertThat(fail("  ").problem()).isEqualTo(TcStringException.Problem.EMPTY);
    assertThat(fail(VALID + ".").problem()).isEqualTo(TcStringException.Problem.BAD_BASE64);
    assertThat(fail("C".repeat(TcLimits.MAX_STRING_CHARS + 1)).problem()).isEqualTo(TcStringException.Problem.TOO_LONG);
  }

  /** A core segment up to the vendor consent section, then the given vendor bits. */
  private static String coreWithVendors(BitWriter vendors) {
    String head = TcString.builder().created(Instant.parse("2026-02-03T04:05:06Z")).build().encode();
    BitWriter w = new BitWriter();
    dev.warden.consent.tcf.internal.BitReader r =
        dev.warden.consent.tcf.internal.BitReader.ofBase64Url(head, 0, head.length());
    w.write(r.readLong(64, "a"), 64).write(r.readLong(64, "b"), 64).write(r.readLong(64, "c"), 64)
        .write(r.readLong(21, "d"), 21);
    BitWriter v = vendors;
    w.writeWords(v.toWords(), v.length());
    return w.toBase64Url();
  }

  @Test
  void rangesBeyondMaxVendorIdStartingAtZeroOrReversedAreInvalid() {
    for (int[] entry : new int[][] {{5, 30}, {0, 2}, {9, 4}}) {
      BitWriter v = new BitWriter().write(20, 16).writeBit(true).write(1, 12).writeBit(true).write(entry[0], 16)
          .write(entry[1], 16);
      TcStringException e = fail(coreWithVendors(v));
      assertThat(e.problem()).as("entry %s-%s", entry[0], entry[1]).isEqualTo(TcStringException.Problem.INVALID_RANGE);
      assertThat(e.bitOffset()).isEqualTo(213 + 16 + 1 + 12);
    }
  }

  @Test
  void aRangeClaimingEveryVendorCostsTwoIntegersAndAnAbsurdEntryCountIsTruncated() {
    BitWriter all = new BitWriter().write(65535, 16).writeBit(true).write(1, 12).writeBit(true).write(1, 16)
        .write(65535, 16).write(0, 16).writeBit(false).write(0, 12);
    TcString t = TcString.decode(coreWithVendors(all));
    assertThat(t.vendorConsent().size()).isEqualTo(65535);
    BitWriter absurd = new BitWriter().write(65535, 16).writeBit(true).write(4095, 12).writeBit(false).write(7, 16);
    TcStringException e = fail(coreWithVendors(absurd));
    assertThat(e.problem()).isEqualTo(TcStringException.Problem.TRUNCATED);
    assertThat(e.bitOffset()).isEqualTo(213 + 16 + 1 + 12 + 17);
  }
}
