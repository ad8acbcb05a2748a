package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.gpp.GppException;
import dev.warden.consent.gpp.GppString;
import dev.warden.consent.gpp.UsNat;
import dev.warden.consent.gpp.UsPrivacy;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden gpp decode}: IAB Global Privacy Platform strings. */
@Command(name = "gpp", description = "Decode IAB GPP strings (EU TCF, US Privacy and US National sections).",
    mixinStandardHelpOptions = true, subcommands = {GppCommand.Decode.class})
final class GppCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: decode");
  }

  static ObjectNode toJson(GppString g) {
    ObjectNode o = Output.object();
    o.put("version", g.version());
    ArrayNode ids = o.putArray("sectionIds");
    g.sectionIds().forEach(ids::add);
    ObjectNode sections = o.putObject("sections");
    for (Map.Entry<Integer, String> e : g.encodedSections().entrySet()) {
      String name = GppString.sectionName(e.getKey());
      switch (e.getKey()) {
        case GppString.TCFEUV2 -> sections.set(name, TcfJson.toJson(g.tcfEuV2().orElseThrow()));
        case GppString.USPV1 -> sections.set(name, usPrivacy(g.usPrivacy().orElseThrow()));
        case GppString.USNAT -> sections.set(name, usNat(g.usNat().orElseThrow()));
        default -> sections.putObject(name).put("encoded", e.getValue());
      }
    }
    return o;
  }

  static ObjectNode usPrivacy(UsPrivacy u) {
    ObjectNode o = Output.object();
    o.put("version", u.version());
    o.put("explicitNotice", String.valueOf(u.explicitNotice().symbol()));
    o.put("optOutSale", String.valueOf(u.optOutSale().symbol()));
    o.put("lspaCovered", String.valueOf(u.lspaCovered().symbol()));
    return o;
  }

  static ObjectNode usNat(UsNat u) {
    ObjectNode o = Output.object();
    o.put("version", u.version());
    o.put("sharingNotice", u.sharingNotice());
    o.put("saleOptOutNotice", u.saleOptOutNotice());
    o.put("sharingOptOutNotice", u.sharingOptOutNotice());
    o.put("targetedAdvertisingOptOutNotice", u.targetedAdvertisingOptOutNotice());
    o.put("sensitiveDataProcessingOptOutNotice", u.sensitiveDataProcessingOptOutNotice());
    o.put("sensitiveDataLimitUseNotice", u.sensitiveDataLimitUseNotice());
    o.put("saleOptOut", u.saleOptOut());
    o.put("sharingOptOut", u.sharingOptOut());
    o.put("targetedAdvertisingOptOut", u.targetedAdvertisingOptOut());
    ArrayNode sd = o.putArray("sensitiveDataProcessing");
    u.sensitiveDataProcessing().forEach(sd::add);
    ArrayNode kc = o.putArray("knownChildSensitiveDataConsents");
    u.knownChildSensitiveDataConsents().forEach(kc::add);
    o.put("personalDataConsents", u.personalDataConsents());
    o.put("mspaCoveredTransaction", u.mspaCoveredTransaction());
    o.put("mspaOptOutOptionMode", u.mspaOptOutOptionMode());
    o.put("mspaServiceProviderMode", u.mspaServiceProviderMode());
    if (u.gpc().isPresent()) {
      o.put("gpc", u.gpc().get());
    } else {
      o.putNull("gpc");
    }
    return o;
  }

  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = "Decode GPP strings: one JSON object per string with the section ids and each section"
          + " (tcfeuv2, uspv1 and usnat decoded; others as {\"encoded\"}). An invalid string gives"
          + " {\"error\", \"bitOffset\", \"sectionId\"}. Exit 0 when all decode, 1 when any does not."
          + " Reads standard input when no STRING or --input is given.")
  static final class Decode implements Callable<Integer> {
    @Mixin Output output;
    @Mixin ConsentStringInput in;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      boolean ok = true;
      for (String s : in.strings()) {
        try {
          Output.line(out, toJson(GppString.decode(s)));
        } catch (GppException e) {
          ok = false;
          ObjectNode o = TcfCommand.error(e.getMessage(), e.position());
          o.put("sectionId", e.sectionId());
          Output.line(out, o);
        }
      }
      return ok ? 0 : Main.EXIT_FAILED;
    }
  }
}
