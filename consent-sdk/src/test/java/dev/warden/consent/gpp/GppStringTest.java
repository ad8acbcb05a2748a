package dev.warden.consent.gpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.consent.tcf.IdSet;
import dev.warden.consent.tcf.TcString;
import dev.warden.consent.tcf.internal.BitWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GPP headers from the public vectors, the three decoded sections, and hostile input. */
class GppStringTest {

  private static final String TC = TcString.builder().created(Instant.parse("2026-05-01T10:00:00Z")).cmpId(7)
      .purposesConsent(IdSet.of(1, 2)).vendorConsent(IdSet.of(10, 11)).disclosedVendors(IdSet.of(10, 11)).build()
      .encode();

  /** The header vectors (section D of the vector file), in file order. */
  private static List<String> headerVectors() throws Exception {
    Path dir = dev.warden.consent.tcf.SharedTestData.sharedData();
    Path file = dir == null ? null : dir.resolve("tcf/tcf_vectors.md");
    assumeTrue(file != null && Files.isReadable(file), "shared/data/tcf/tcf_vectors.md not found; skipping");
    Matcher m = Pattern.compile("^\\| `(DBA[A-Za-z0-9_-]+)`", Pattern.MULTILINE)
        .matcher(Files.readString(file, StandardCharsets.UTF_8));
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theSpecificationHeadersListTheirSectionIds() throws Exception {
    List<String> headers = headerVectors();
    assertThat(headers).hasSize(3);
    GppString one = GppString.decode(headers.get(0) + "~" + TC);
    assertThat(one.sectionIds()).containsExactly(2);
    assertThat(one.tcfEuV2()).contains(TcString.decode(TC));

    GppString two = GppString.decode(headers.get(1) + "~" + TC + "~1YNN");
    assertThat(two.sectionIds()).containsExactly(2, 6);
    assertThat(two.usPrivacy().orElseThrow().encode()).isEqualTo("1YNN");

    GppString three = GppString.decode(headers.get(2) + "~BAAAAAAA~1---");
    assertThat(three.sectionIds()).containsExactly(5, 6);
    assertThat(three.encodedSections()).containsEntry(5, "BAAAAAAA");
    assertThat(GppString.sectionName(5)).isEqualTo("tcfcav1");
    assertThat(three.usPrivacy().orElseThrow().applies()).isFalse();
  }

  @Test
  void usPrivacyExamplesOfTheSpecificationParse() throws Exception {
    Path dir = dev.warden.consent.tcf.SharedTestData.sharedData();
    assumeTrue(dir != null && Files.isReadable(dir.resolve("tcf/tcf_vectors.md")), "vectors not found; skipping");
    String line = Files.readAllLines(dir.resolve("tcf/tcf_vectors.md")).stream()
        .filter(l -> l.contains("Examples from the spec")).findFirst().orElseThrow();
    Matcher m = Pattern.compile("`(1[YN-]{3})`").matcher(line);
    List<String> examples = new java.util.ArrayList<>();
    while (m.find()) {
      examples.add(m.group(1));
    }
    assertThat(examples).hasSize(4);
    UsPrivacy a = UsPrivacy.parse(examples.get(0));
    assertThat(a.explicitNotice()).isEqualTo(UsPrivacy.Flag.YES);
    assertThat(a.optOutSale()).isEqualTo(UsPrivacy.Flag.NO);
    assertThat(a.lspaCovered()).isEqualTo(UsPrivacy.Flag.NO);
    assertThat(UsPrivacy.parse(examples.get(1)).optedOutOfSale()).isTrue();
    assertThat(UsPrivacy.parse(examples.get(2)).applies()).isFalse();
    UsPrivacy d = UsPrivacy.parse(examples.get(3));
    assertThat(d.applies()).isTrue();
    assertThat(d.optedOutOfSale()).isTrue();
    for (String s : examples) {
      assertThat(UsPrivacy.parse(s).encode()).isEqualTo(s);
      assertThat(UsPrivacy.parse(s).violations()).isEmpty();
    }
  }

  @Test
  void usPrivacyRejectsBadCharactersAtTheirIndexAndFlagsAnUnknownOptOut() {
    assertThatThrownBy(() -> UsPrivacy.parse("1YXN")).isInstanceOfSatisfying(GppException.class, e -> {
      assertThat(e.problem()).isEqualTo(GppException.Problem.BAD_US_PRIVACY);
      assertThat(e.position()).isEqualTo(2);
    });
    assertThatThrownBy(() -> UsPrivacy.parse("1YN")).isInstanceOf(GppException.class).hasMessageContaining("4 characters");
    assertThatThrownBy(() -> UsPrivacy.parse("2YNN")).isInstanceOfSatisfying(GppException.class,
        e -> assertThat(e.problem()).isEqualTo(GppException.Problem.UNSUPPORTED_VERSION));
    assertThat(UsPrivacy.parse("1y-n").violations()).singleElement().asString().contains("optOutSale");
  }

  /** A usnat core: version, nine notices and opt-outs, the category bit fields and MSPA fields. */
  static String usNat(int version, int saleOptOut, int targetedOptOut, Boolean gpc) {
    BitWriter w = new BitWriter().write(version, 6);
    int[] head = {1, 1, 1, 1, 1, 1, saleOptOut, 2, targetedOptOut};
    for (int v : head) {
      w.write(v, 2);
    }
    int sensitive = version == 1 ? 12 : 16;
    for (int i = 0; i < sensitive; i++) {
      w.write(i % 3, 2);
    }
    for (int i = 0; i < (version == 1 ? 2 : 3); i++) {
      w.write(1, 2);
    }
    w.write(2, 2).write(1, 2).write(2, 2).write(0, 2);
    String core = w.toBase64Url();
    return gpc == null ? core : core + "." + new BitWriter().write(1, 2).writeBit(gpc).toBase64Url();
  }

  @Test
  void usNatVersionsOneAndTwoDecodeWithTheirGpcSubsection() {
    UsNat v1 = UsNat.decode(usNat(1, 1, 2, true));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.saleOptedOut()).isTrue();
    assertThat(v1.targetedAdvertisingOptedOut()).isFalse();
    assertThat(v1.sensitiveDataProcessing()).hasSize(12).startsWith(0, 1, 2, 0);
    assertThat(v1.knownChildSensitiveDataConsents()).containsExactly(1, 1);
    assertThat(v1.personalDataConsents()).isEqualTo(2);
    assertThat(v1.mspaCoveredTransaction()).isEqualTo(1);
    assertThat(v1.gpc()).contains(true);
    assertThat(v1.gpcSignalled()).isTrue();

    UsNat v2 = UsNat.decode(usNat(2, 2, 1, null));
    assertThat(v2.sensitiveDataProcessing()).hasSize(16);
    assertThat(v2.knownChildSensitiveDataConsents()).hasSize(3);
    assertThat(v2.targetedAdvertisingOptedOut()).isTrue();
    assertThat(v2.gpc()).isEqualTo(Optional.empty());

    GppString g = GppString.decode(gppHeader(7) + "~" + usNat(1, 2, 2, false));
    assertThat(g.usNat().orElseThrow().gpc()).contains(false);
  }

  /** A header listing the given ascending section ids, one single entry each. */
  static String gppHeader(int... ids) {
    BitWriter w = new BitWriter().write(3, 6).write(1, 6).write(ids.length, 12);
    int last = 0;
    for (int id : ids) {
      w.writeBit(false);
      fibonacci(w, id - last);
      last = id;
    }
    return w.toBase64Url();
  }

  private static void fibonacci(BitWriter w, int n) {
    int[] fib = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89};
    int top = 0;
    while (top + 1 < fib.length && fib[top + 1] <= n) {
      top++;
    }
    boolean[] bits = new boolean[top + 1];
    for (int i = top; i >= 0; i--) {
      if (fib[i] <= n) {
        bits[i] = true;
        n -= fib[i];
      }
    }
    for (boolean b : bits) {
      w.writeBit(b);
    }
    w.writeBit(true);
  }

  @Test
  void ourHeaderWriterAgreesWithTheSpecificationExample() {
    assertThat(gppHeader(2, 6)).startsWith("DBACNY");
    assertThat(GppString.decode(gppHeader(2, 6, 7, 8) + "~" + TC + "~1NYN~" + usNat(2, 1, 1, null) + "~BAAA")
        .sectionIds()).containsExactly(2, 6, 7, 8);
  }

  @Test
  void malformedStringsNameTheSectionAndPositionAtFault() {
    assertThatThrownBy(() -> GppString.decode(gppHeader(2, 6) + "~" + TC)).isInstanceOfSatisfying(GppException.class,
        e -> assertThat(e.problem()).isEqualTo(GppException.Problem.SECTION_MISMATCH));
    assertThatThrownBy(() -> GppString.decode(gppHeader(2) + "~" + TC.substring(0, 10)))
        .isInstanceOfSatisfying(GppException.class, e -> {
          assertThat(e.problem()).isEqualTo(GppException.Problem.BAD_TC_STRING);
          assertThat(e.sectionId()).isEqualTo(2);
          assertThat(e.position()).isPositive();
        });
    assertThatThrownBy(() -> GppString.decode("BBABM~" + TC)).isInstanceOfSatisfying(GppException.class,
        e -> assertThat(e.problem()).isEqualTo(GppException.Problem.UNSUPPORTED_VERSION));
    assertThatThrownBy(() -> GppString.decode(gppHeader(7) + "~" + usNat(3, 1, 1, null)))
        .isInstanceOfSatisfying(GppException.class, e -> {
          assertThat(e.problem()).isEqualTo(GppException.Problem.UNSUPPORTED_VERSION);
          assertThat(e.sectionId()).isEqualTo(7);
        });
    assertThatThrownBy(() -> GppString.decode(gppHeader(7) + "~" + usNat(1, 1, 1, null).substring(0, 3)))
        .isInstanceOfSatisfying(GppException.class, e -> assertThat(e.problem()).isEqualTo(GppException.Problem.TRUNCATED));
    assertThatThrownBy(() -> GppString.decode("DBA*M")).isInstanceOfSatisfying(GppException.class, e -> {
      assertThat(e.problem()).isEqualTo(GppException.Problem.BAD_CHARACTER);
      assertThat(e.position()).isEqualTo(18);
    });
  }

  @Test
  void hostileGppInputsFailOnlyWithGppException() {
    Random r = new Random(6_006L);
    String valid = gppHeader(2, 6, 7) + "~" + TC + "~1YNN~" + usNat(1, 1, 2, true);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~.=*";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder(valid);
      int edits = 1 + r.nextInt(4);
      for (int k = 0; k < edits && sb.length() > 0; k++) {
        int at = r.nextInt(sb.length());
        switch (r.nextInt(3)) {
          case 0 -> sb.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
          case 1 -> sb.setLength(at);
          default -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      String input = sb.toString();
      try {
        GppString.decode(input);
      } catch (GppException e) {
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.position()).isNotNegative();
      } catch (RuntimeException e) {
        throw new AssertionError("input " + input + " threw " + e, e);
      }
    }
  }
}
