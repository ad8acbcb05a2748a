package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.consent.tcf.IdSet;
import dev.warden.consent.tcf.PublisherRestriction;
import dev.warden.consent.tcf.PublisherTc;
import dev.warden.consent.tcf.RestrictionType;
import dev.warden.consent.tcf.TcString;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden tcf} and {@code warden gpp}: the JSON contract, exit codes and the JSON round trip. */
class TcfCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final TcString SAMPLE = TcString.builder()
      .created(Instant.parse("2026-04-02T09:30:00.5Z")).lastUpdated(Instant.parse("2026-05-01T11:00:00Z"))
      .cmpId(300).cmpVersion(4).consentScreen(2).consentLanguage("DE").vendorListVersion(130)
      .purposesConsent(IdSet.of(1, 2, 3, 4)).purposesLITransparency(IdSet.of(2, 7))
      .specialFeatureOptIns(IdSet.of(1)).publisherCC("FR")
      .vendorConsent(IdSet.of(1, 2, 3, 755, 756)).vendorLegitimateInterest(IdSet.of(2, 40))
      .addPublisherRestriction(new PublisherRestriction(2, RestrictionType.REQUIRE_CONSENT, IdSet.range(40, 45)))
      .disclosedVendors(IdSet.of(1, 2, 3, 40, 755, 756))
      .publisherTc(PublisherTc.of(IdSet.of(1), IdSet.of(), IdSet.of(2), IdSet.of(1)))
      .build();

  record Run(int code, String out, String err) {
    List<JsonNode> lines() throws Exception {
      List<JsonNode> out = new ArrayList<>();
      for (String l : this.out.split("\n")) {
        if (!l.isBlank()) {
          out.add(JSON.readTree(l));
        }
      }
      return out;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void decodeWritesExactlyTheDocumentedKeysInOrder() throws Exception {
    Run r = run("tcf", "decode", SAMPLE.encode());
    assertThat(r.code()).isZero();
    JsonNode o = r.lines().get(0);
    List<String> keys = new ArrayList<>();
    o.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("version", "created", "lastUpdated", "cmpId", "cmpVersion", "consentScreen",
        "consentLanguage", "vendorListVersion", "tcfPolicyVersion", "isServiceSpecific", "useNonStandardStacks",
        "specialFeatureOptIns", "purposesConsent", "purposesLITransparency", "purposeOneTreatment", "publisherCC",
        "vendorConsent", "vendorLegitimateInterest", "publisherRestrictions", "disclosedVendors", "allowedVendors",
        "pubPurposesConsent", "pubPurposesLITransparency", "customPurposesConsent", "customPurposesLITransparency");
    assertThat(o.get("created").asText()).isEqualTo("2026-04-02T09:30:00.500Z");
    assertThat(o.get("vendorConsent").toString()).isEqualTo("[1,2,3,755,756]");
    assertThat(o.get("publisherRestrictions").toString())
        .isEqualTo("[{\"purposeId\":2,\"restrictionType\":\"REQUIRE_CONSENT\",\"vendorIds\":[40,41,42,43,44,45]}]");
    assertThat(o.get("customPurposesLITransparency").toString()).isEqualTo("[1]");
  }

  @Test
  void anInvalidStringGivesErrorAndBitOffsetAndExitOne() throws Exception {
    Run r = run("tcf", "decode", "CA==");
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    JsonNode o = r.lines().get(0);
    assertThat(o.get("error").asText()).contains("Created");
    assertThat(o.get("bitOffset").asInt()).isEqualTo(6);
    assertThat(o.size()).isEqualTo(2);
  }

  @Test
  void decodeReadsOneStringPerLineFromAFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("strings.txt");
    Files.writeString(f, SAMPLE.encode() + "\n\n  DQ==  \n" + SAMPLE.encode() + "\n");
    Run r = run("tcf", "decode", "--input", f.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    List<JsonNode> lines = r.lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).get("error").asText()).contains("version 3");
    assertThat(lines.get(2).get("cmpId").asInt()).isEqualTo(300);
  }

  @Test
  void encodeTakesTheDecodedJsonBackToAnEqualString() throws Exception {
    String json = run("tcf", "decode", SAMPLE.encode()).out().strip();
    Run r = run("tcf", "encode", json);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(TcString.decode(r.out().strip())).isEqualTo(SAMPLE);
  }

  @Test
  void encodeNamesTheBadValueByItsPointer() {
    Run unknown = run("tcf", "encode", "{\"cmpID\": 3}");
    assertThat(unknown.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(unknown.err()).contains("/cmpID: unknown key");
    Run range = run("tcf", "encode", "{\"purposesConsent\": [1, 30], \"created\": \"2026-01-01T00:00:00Z\"}");
    assertThat(range.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(range.err()).contains("/purposesConsent").contains("30");
    Run restriction = run("tcf", "encode", "{\"publisherRestrictions\": [{\"purposeId\": 2, \"restrictionType\": \"MAYBE\"}]}");
    assertThat(restriction.err()).contains("/publisherRestrictions/0/restrictionType");
    Run broken = run("tcf", "encode", "{\"cmpId\": ");
    assertThat(broken.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(broken.err()).contains("not valid JSON");
  }

  @Test
  void aStringAndAnInputFileTogetherAreAUsageError(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("x"), "CA==");
    Run r = run("tcf", "decode", "CA==", "--input", f.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("not both");
  }

  @Test
  void validateListsEveryViolation() throws Exception {
    Run ok = run("tcf", "validate", "--json", SAMPLE.encode());
    assertThat(ok.code()).isZero();
    assertThat(ok.lines().get(0).get("valid").asBoolean()).isTrue();
    Run bad = run("tcf", "validate", "--json", SAMPLE.toBuilder().tcfPolicyVersion(2).isServiceSpecific(false).build().encode());
    assertThat(bad.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(bad.lines().get(0).get("violations")).hasSize(2);
  }

  @Test
  void gppDecodeWritesTheSectionsAndLocatesErrors() throws Exception {
    // header DBACNY: sections 2 (tcfeuv2) and 6 (uspv1), from the GPP specification's example
    Run r = run("gpp", "decode", "DBACNY~" + SAMPLE.encode() + "~1YNN");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode o = r.lines().get(0);
    assertThat(o.get("sectionIds").toString()).isEqualTo("[2,6]");
    assertThat(o.at("/sections/tcfeuv2/cmpId").asInt()).isEqualTo(300);
    assertThat(o.at("/sections/uspv1/optOutSale").asText()).isEqualTo("N");
    Run bad = run("gpp", "decode", "DBACNY~" + SAMPLE.encode() + "~1YXN");
    assertThat(bad.code()).isEqualTo(Main.EXIT_FAILED);
    JsonNode e = bad.lines().get(0);
    assertThat(e.get("sectionId").asInt()).isEqualTo(6);
    assertThat(e.get("bitOffset").asInt()).isEqualTo(2);
  }
}
