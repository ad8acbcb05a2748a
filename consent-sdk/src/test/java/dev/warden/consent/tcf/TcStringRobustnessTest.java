package dev.warden.consent.tcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.warden.consent.tcf.internal.BitReader;
import dev.warden.consent.tcf.internal.BitWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Robustness: over a million seeded hostile inputs (truncations, bad characters, wrong versions,
 * flipped bits that claim absurd sizes, random bytes, random text) decoding either succeeds with a
 * value that re-encodes to itself, or throws {@link TcStringException} with an offset inside the
 * failing segment. Never another exception, an out-of-memory error or a hang.
 */
class TcStringRobustnessTest {

  private static final int INPUTS = 1_000_000;
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  void hostileInputsFailOnlyWithTheDocumentedExceptionCarryingTheBitOffset() {
    Random random = new Random(424_242L);
    RandomTcStrings gen = new RandomTcStrings(99L, false);
    List<String> valid = new ArrayList<>();
    while (valid.size() < 500) {
      // Short strings keep a million decodes within seconds; long ones add nothing new here.
      String s = gen.next().encode();
      if (s.length() <= 320) {
        valid.add(s);
      }
    }
    Map<TcStringException.Problem, Integer> seen = new EnumMap<>(TcStringException.Problem.class);
    int decoded = 0;
    for (int n = 0; n < INPUTS; n++) {
      String input = hostile(random, valid.get(random.nextInt(valid.size())));
      try {
        TcString t = TcString.decode(input);
        decoded++;
        if (!TcString.decode(t.encode()).equals(t)) {
          fail("decoded value does not survive re-encoding: " + input);
        }
      } catch (TcStringException e) {
        seen.merge(e.problem(), 1, Integer::sum);
        checkOffset(input, e);
      } catch (RuntimeException | Error e) {
        throw new AssertionError("input " + input + " threw " + e, e);
      }
    }
    assertThat(seen.keySet()).as("every problem kind is exercised")
        .containsExactlyInAnyOrder(TcStringException.Problem.values());
    assertThat(decoded).as("some mutations still decode").isPositive();
  }

  private static void checkOffset(String input, TcStringException e) {
    if (e.getMessage() == null || e.getMessage().isBlank()) {
      fail("no message for " + input);
    }
    if (e.problem() == TcStringException.Problem.EMPTY || e.problem() == TcStringException.Problem.TOO_LONG) {
      return;
    }
    String[] segments = input.split("\\.", -1);
    if (e.segment() < 0 || e.segment() >= segments.length) {
      fail("segment " + e.segment() + " out of range for " + input);
    }
    int bits = 6 * segments[e.segment()].replace("=", "").length();
    if (e.bitOffset() < 0 || e.bitOffset() > bits) {
      fail("bit offset " + e.bitOffset() + " outside segment of " + bits + " bits: " + input + ": " + e.getMessage());
    }
  }

  private static String hostile(Random r, String valid) {
    return switch (r.nextInt(9)) {
      case 0 -> valid.substring(0, r.nextInt(valid.length() + 1));
      case 1 -> replaceChar(r, valid, (char) r.nextInt(128));
      case 2 -> replaceChar(r, valid, B64.charAt(r.nextInt(64)));
      case 3 -> B64.charAt(r.nextInt(64)) + valid.substring(1);
      case 4 -> flipBits(r, valid);
      case 5 -> randomBase64(r);
      case 6 -> absurdSizes(r);
      case 7 -> randomText(r);
      default -> r.nextInt(1000) == 0 ? "C".repeat(TcLimits.MAX_STRING_CHARS + 1) : valid + "." + randomBase64(r);
    };
  }

  private static String replaceChar(Random r, String s, char c) {
    int at = r.nextInt(s.length());
    return s.substring(0, at) + c + s.substring(at + 1);
  }

  /** Flips a few bits of one segment: counts and lengths then claim sizes the data lacks. */
  private static String flipBits(Random r, String s) {
    String[] parts = s.split("\\.");
    int k = r.nextInt(parts.length);
    BitReader in = BitReader.ofBase64Url(parts[k], 0, parts[k].length());
    int length = in.length();
    long[] words = in.readWords(length, "all");
    for (int i = 1 + r.nextInt(4); i > 0; i--) {
      int bit = r.nextInt(length);
      words[bit >>> 6] ^= Long.MIN_VALUE >>> (bit & 63);
    }
    BitWriter out = new BitWriter().writeWords(words, length);
    parts[k] = out.toBase64Url();
    return String.join(".", parts);
  }

  private static String randomBase64(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(300);
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(40) == 0 ? '.' : B64.charAt(r.nextInt(64)));
    }
    if (r.nextInt(8) == 0) {
      sb.append("==".substring(r.nextInt(2)));
    }
    return sb.toString();
  }

  /** A v1 or v2 header followed by a vendor section that claims the maximum everywhere. */
  private static String absurdSizes(Random r) {
    BitWriter w = new BitWriter();
    boolean v1 = r.nextBoolean();
    w.write(v1 ? 1 : 2, 6).write(r.nextLong(), 36).write(r.nextLong(), 36).write(r.nextInt(), 12)
        .write(r.nextInt(), 12).write(r.nextInt(), 6).write(r.nextInt(), 12).write(r.nextInt(), 12);
    if (!v1) {
      w.write(r.nextInt(), 6).write(r.nextInt(), 2).write(r.nextInt(), 12).write(r.nextLong(), 48)
          .write(r.nextInt(), 1).write(r.nextInt(), 12);
    } else {
      w.write(r.nextInt(), 24);
    }
    w.write(65535, 16).writeBit(r.nextBoolean());
    if (v1) {
      w.writeBit(r.nextBoolean());
    }
    w.write(4095, 12);
    for (int i = r.nextInt(5); i > 0; i--) {
      w.writeBit(true).write(r.nextInt(65536), 16).write(65535, 16);
    }
    String core = w.toBase64Url();
    if (r.nextBoolean()) {
      BitWriter s = new BitWriter().write(1 + r.nextInt(3), 3).write(65535, 16).writeBit(r.nextBoolean())
          .write(4095, 12);
      return core + "." + s.toBase64Url();
    }
    return core;
  }

  private static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(60); i > 0; i--) {
      sb.append((char) r.nextInt(r.nextBoolean() ? 128 : 0x3000));
    }
    return sb.toString();
  }
}
