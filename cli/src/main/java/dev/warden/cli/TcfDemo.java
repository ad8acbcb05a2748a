package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.gpp.GppString;
import dev.warden.consent.tcf.GlobalVendorList;
import dev.warden.consent.tcf.IdSet;
import dev.warden.consent.tcf.PublisherRestriction;
import dev.warden.consent.tcf.RestrictionType;
import dev.warden.consent.tcf.TcString;
import dev.warden.consent.tcf.TcfDecision;
import dev.warden.consent.tcf.TcfEnforcer;
import dev.warden.consent.tcf.TcfPermissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Shows the TCF codec and decisions on a consent string built here, against a three-vendor demo
 * vendor list shipped in the CLI (written for the demo; real hosts load the IAB list).
 */
final class TcfDemo implements DemoSection {

  private static final Instant CREATED = Instant.parse("2026-05-01T10:00:00Z");
  private static final int[][] QUESTIONS = {{11, 4}, {11, 7}, {22, 9}, {22, 8}, {33, 3}, {44, 1}};

  private final TcString tc;
  private final String encoded;
  private final TcfPermissions permissions;

  TcfDemo() {
    TcString built = TcString.builder()
        .created(CREATED).cmpId(300).cmpVersion(2).consentScreen(1).vendorListVersion(1)
        .purposesConsent(IdSet.of(1, 2, 3, 4))
        .purposesLITransparency(IdSet.of(7, 8, 10))
        .vendorConsent(IdSet.of(11, 22))
        .vendorLegitimateInterest(IdSet.of(11, 22))
        .addPublisherRestriction(new PublisherRestriction(8, RestrictionType.REQUIRE_CONSENT, IdSet.of(22)))
        .disclosedVendors(IdSet.of(11, 22, 33))
        .build();
    encoded = built.encode();
    tc = TcString.decode(encoded);
    GlobalVendorList gvl;
    try (InputStream in = TcfDemo.class.getResourceAsStream("demo-vendor-list.json")) {
      gvl = GlobalVendorList.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Clock clock = Clock.fixed(CREATED.plusSeconds(60), ZoneOffset.UTC);
    permissions = TcfEnforcer.builder().vendorList(gvl).clock(clock).build().permissions(tc);
  }

  @Override
  public String name() {
    return "tcf";
  }

  private List<TcfDecision> decisions() {
    return java.util.Arrays.stream(QUESTIONS).map(q -> permissions.allowsProcessing(q[0], q[1])).toList();
  }

  @Override
  public void printText(PrintWriter out) {
    out.println("TC string (TCF 2.3, " + encoded.length() + " characters): " + encoded);
    out.println("  purposes with consent " + tc.purposesConsent() + ", on legitimate interest "
        + tc.purposesLITransparency() + "; vendors with consent " + tc.vendorConsent() + ", disclosed "
        + tc.disclosedVendors() + "; restriction: purpose 8 requires consent for vendor 22");
    out.println("  policy violations: " + (permissions.violations().isEmpty() ? "none" : permissions.violations()));
    out.println("May the vendor process for the purpose? (demo vendor list)");
    for (TcfDecision d : decisions()) {
      out.printf("  vendor %-3d purpose %-3d %-5s %-32s %s%n", d.vendorId(), d.purposeId(),
          d.allowed() ? "yes" : "no", d.rule(), d.explanation());
    }
    GppString gpp = GppString.decode("DBACNY~" + encoded + "~1YYN");
    out.println("GPP string with sections " + gpp.sectionIds() + ": US Privacy says sale opt-out = "
        + gpp.usPrivacy().orElseThrow().optedOutOfSale());
  }

  @Override
  public JsonNode toJson() {
    ObjectNode o = Output.object();
    o.put("tcString", encoded);
    o.set("decoded", TcfJson.toJson(tc));
    o.put("violations", permissions.violations().size());
    ArrayNode a = o.putArray("decisions");
    for (TcfDecision d : decisions()) {
      a.addObject().put("vendorId", d.vendorId()).put("purposeId", d.purposeId()).put("allowed", d.allowed())
          .put("rule", d.rule().name()).put("explanation", d.explanation());
    }
    return o;
  }
}
