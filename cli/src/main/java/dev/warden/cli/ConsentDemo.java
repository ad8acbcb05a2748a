package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.ConsentState;
import dev.warden.consent.cookie.Classification;
import dev.warden.consent.cookie.Cookie;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.gate.CookieGate;
import dev.warden.consent.gate.CookieVerdict;
import dev.warden.consent.gate.GateDecision;
import dev.warden.consent.gate.GateRequest;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.signal.ConsentMode;
import dev.warden.policy.OptOutSignal;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Classifies sample cookies, records a consent and shows what the Set-Cookie gate lets out. */
final class ConsentDemo implements DemoSection {

  private static final List<Cookie> SAMPLES = List.of(
      Cookie.named("PHPSESSID"),
      Cookie.builder("_ga").value("GA1.1.1834522135.1764460800").lifetime(Duration.ofDays(400)).build(),
      Cookie.builder("test_cookie").domain(".doubleclick.net").firstPartySite("example.com")
          .lifetime(Duration.ofMinutes(15)).build(),
      Cookie.named("_hjAbsoluteSessionInProgress"),
      Cookie.builder("warden_consent").lifetime(Duration.ofDays(365)).build(),
      Cookie.builder("acme_checkout_session").value("9f2c1e7a").httpOnly(true).build(),
      Cookie.builder("acme_ui_language").value("de").lifetime(Duration.ofDays(365)).build());

  private static final List<String> RESPONSE = List.of(
      "PHPSESSID=8f14e45fceea167a; Path=/; Secure; HttpOnly; SameSite=Lax",
      "_ga=GA1.1.1834522135.1764460800; Max-Age=63072000; Domain=.example.com; Path=/",
      "_fbp=fb.1.1764460800.123456789; Max-Age=7776000; Path=/",
      "warden_consent=v2025-11-05.a; Max-Age=31536000; Path=/; Secure",
      "tracker=1\r\nSet-Cookie: injected=1");

  private final Policy policy;

  ConsentDemo(Policy policy) {
    this.policy = policy;
  }

  @Override
  public String name() {
    return "consent";
  }

  private record Run(CookieClassifier classifier, List<Classification> classes, GateDecision gate, String receiptId,
      String gtag) {}

  private Run run() {
    CookiesCommand.quietModelTraining();
    CookieClassifier classifier = CookieClassifier.builder().policy(policy).build();
    List<Classification> classes = classifier.classifyAll(SAMPLES);
    ConsentLedger ledger = ConsentLedger.builder().policy(policy).store(ConsentStore.inMemory()).build();
    Pseudonym visitor = Pseudonym.of("ps_demo_visitor");
    String receipt = ledger.record(visitor, Map.of("analytics", true, "advertising", true), CollectionMethod.BANNER,
        "en").recordId();
    ConsentState state = ledger.state(visitor).withSignals(Set.of(OptOutSignal.GPC));
    CookieGate gate = CookieGate.builder().policy(policy).classifier(classifier).site("example.com").build();
    GateRequest request = GateRequest.https("www.example.com", "/account")
        .withCookies("_fbp=fb.1.1700000000.1; PHPSESSID=8f14e45fceea167a");
    GateDecision d = gate.filter(request, RESPONSE, state);
    return new Run(classifier, classes, d, receipt,
        ConsentMode.of(policy, state).gtag(ConsentMode.Command.UPDATE));
  }

  @Override
  public void printText(PrintWriter out) {
    Run r = run();
    out.println("Cookie classification (policy declarations, built-in catalog, then a model trained on "
        + r.classifier().modelExamples() + " names):");
    for (int i = 0; i < SAMPLES.size(); i++) {
      Classification c = r.classes().get(i);
      out.printf(Locale.ROOT, "  %-30s %-12s %.2f  %-9s %s%n", SAMPLES.get(i).name(), c.label().id(), c.confidence(),
          c.source().id(), c.rule());
    }
    out.println();
    out.println("Consent recorded (receipt " + r.receiptId() + "): analytics and advertising granted at the banner.");
    out.println("The next request carries Sec-GPC: 1. Set-Cookie gate on the response:");
    for (CookieVerdict v : r.gate().verdicts()) {
      out.printf(Locale.ROOT, "  %-9s %-16s %-15s %s%n", v.outcome(), v.name().isEmpty() ? "(unparsed)" : v.name(),
          v.category().orElse("-"), v.reason());
    }
    out.println("  and " + r.gate().expiring().size() + " headers expiring _fbp in every domain and path variant, e.g.");
    r.gate().expiring().stream().limit(3).forEach(h -> out.println("    Set-Cookie: " + h));
    out.println();
    out.println("Google Consent Mode: " + r.gtag());
  }

  @Override
  public JsonNode toJson() {
    Run r = run();
    ObjectNode o = Output.object();
    ArrayNode cookies = o.putArray("classified");
    for (int i = 0; i < SAMPLES.size(); i++) {
      Classification c = r.classes().get(i);
      cookies.addObject().put("name", SAMPLES.get(i).name()).put("category", c.label().id())
          .put("confidence", Math.round(c.confidence() * 1000) / 1000.0).put("source", c.source().id())
          .put("rule", c.rule());
    }
    o.put("receiptId", r.receiptId());
    o.set("gate", CookiesCommand.json(r.gate()));
    o.put("consentMode", r.gtag());
    return o;
  }
}
