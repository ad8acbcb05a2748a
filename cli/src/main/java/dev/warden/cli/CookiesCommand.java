package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.ConsentState;
import dev.warden.consent.cookie.Classification;
import dev.warden.consent.cookie.Cookie;
import dev.warden.consent.cookie.CookieCatalog;
import dev.warden.consent.cookie.CookieCatalogException;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.cookie.SameSite;
import dev.warden.consent.gate.CookieGate;
import dev.warden.consent.gate.CookieHeaderException;
import dev.warden.consent.gate.CookieVerdict;
import dev.warden.consent.gate.GateDecision;
import dev.warden.consent.gate.GateRequest;
import dev.warden.policy.OptOutSignal;
import dev.warden.policy.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden cookies classify|gate}. */
@Command(name = "cookies", description = "Classify cookies by purpose and decide which Set-Cookie headers may go out.",
    mixinStandardHelpOptions = true, subcommands = {CookiesCommand.Classify.class, CookiesCommand.Gate.class})
final class CookiesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: classify or gate");
  }

  /**
   * OpenNLP reports training progress at info level; the classifier trains on every start, so the
   * CLI keeps it to warnings unless the user set a level. Must run before OpenNLP's loggers exist.
   */
  static void quietModelTraining() {
    if (System.getProperty("org.slf4j.simpleLogger.log.opennlp") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.opennlp", "warn");
    }
  }

  /** Options that build a classifier. */
  static final class ClassifierOptions {
    @Option(names = "--catalog", paramLabel = "FILE.csv",
        description = "A catalog in the Open Cookie Database CSV format, asked after the built-in one (repeatable).")
    List<Path> catalogs = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy (default: the embedded default policy).")
    Path policy;

    @Option(names = "--min-confidence", paramLabel = "P",
        description = "Below this probability the learned model's answer is unknown (0 to 1; default 0: its best"
            + " class, with the probability as the confidence).")
    double minConfidence = 0;

    Policy policy() {
      return policy == null ? Policy.defaultPolicy() : PolicyCommand.loadValid(policy);
    }

    CookieClassifier classifier(Policy p) {
      quietModelTraining();
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw new CliFailure(Main.EXIT_USAGE, "--min-confidence must be from 0 to 1, got " + minConfidence);
      }
      CookieClassifier.Builder b = CookieClassifier.builder().policy(p).minModelConfidence(minConfidence);
      for (Path c : catalogs) {
        try {
          b.addCatalog(CookieCatalog.openCookieDatabase(c));
        } catch (CookieCatalogException e) {
          throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
        }
      }
      return b.build();
    }
  }

  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = "Classify cookies. Input: JSON Lines with name, value, domain, path, expiresInSeconds (null for"
          + " a session cookie), secure, httpOnly, sameSite, firstPartySite. Output: one JSON line per input line,"
          + " in order, with category, confidence, source and rule.")
  static final class Classify implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;
    @Mixin ClassifierOptions options;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "JSON Lines file, or - for stdin.")
    String input;

    @Override
    public Integer call() throws IOException {
      Policy p = options.policy();
      CookieClassifier classifier = options.classifier(p);
      PrintWriter out = spec.commandLine().getOut();
      try (BufferedReader r = open(input)) {
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
          no++;
          if (line.isBlank()) {
            continue;
          }
          Cookie c = CookieInput.parse(line, input, no);
          Classification k = classifier.classify(c);
          ObjectNode o = Output.object();
          o.put("category", k.label().id());
          o.put("confidence", Math.round(k.confidence() * 1000) / 1000.0);
          o.put("source", k.source().id());
          o.put("rule", k.rule());
          k.policyCategory().ifPresent(id -> o.put("policyCategory", id));
          Output.line(out, o);
        }
      }
      return 0;
    }
  }

  static BufferedReader open(String input) {
    if (input.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    Path p = Path.of(input);
    if (!Files.isReadable(p)) {
      throw new CliFailure(Main.EXIT_USAGE, "cannot read " + input);
    }
    try {
      return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure(Main.EXIT_USAGE, "cannot read " + input + ": " + e.getMessage());
    }
  }

  @Command(name = "gate", mixinStandardHelpOptions = true,
      description = "Decide which Set-Cookie headers of a response may go out under a consent, and which of the"
          + " request's cookies must be expired.")
  static final class Gate implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;
    @Mixin ClassifierOptions options;

    @Option(names = "--set-cookie", paramLabel = "HEADER", description = "A Set-Cookie header value (repeatable).")
    List<String> setCookies = new ArrayList<>();

    @Option(names = "--headers", paramLabel = "FILE",
        description = "A file with one Set-Cookie header per line ('Set-Cookie:' prefixes are allowed), or - for stdin.")
    String headersFile;

    @Option(names = "--grant", paramLabel = "CATEGORY", split = ",", description = "Cookie categories granted.")
    List<String> grant = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "CATEGORY", split = ",", description = "Cookie categories denied.")
    List<String> deny = new ArrayList<>();

    @Option(names = "--gpc", description = "The request carries Sec-GPC: 1.")
    boolean gpc;

    @Option(names = "--host", defaultValue = "www.example.com", description = "The request host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--path", defaultValue = "/", description = "The request path (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--cookie", paramLabel = "HEADER", defaultValue = "",
        description = "The request's Cookie header: cookies the consent no longer allows are expired.")
    String cookieHeader;

    @Option(names = "--site", paramLabel = "DOMAIN", description = "The site's registrable domain (default: from the host).")
    String site;

    @Override
    public Integer call() throws IOException {
      List<String> headers = new ArrayList<>(setCookies);
      if (headersFile != null) {
        try (BufferedReader r = open(headersFile)) {
          String line;
          while ((line = r.readLine()) != null) {
            String h = line.strip();
            if (h.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
              h = h.substring(11).strip();
            }
            if (!h.isEmpty()) {
              headers.add(h);
            }
          }
        }
      }
      Policy p = options.policy();
      Map<String, Boolean> choices = new LinkedHashMap<>();
      grant.forEach(g -> choices.put(g.strip(), true));
      deny.forEach(d -> choices.put(d.strip(), false));
      ConsentState state;
      GateRequest request;
      CookieGate gate;
      try {
        state = ConsentState.of(p, choices).withSignals(gpc ? Set.of(OptOutSignal.GPC) : Set.of());
        request = new GateRequest(host, path, true, cookieHeader);
        CookieGate.Builder b = CookieGate.builder().policy(p).classifier(options.classifier(p));
        if (site != null) {
          b.site(site);
        }
        gate = b.build();
      } catch (IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      GateDecision d;
      try {
        d = gate.filter(request, headers, state);
      } catch (CookieHeaderException e) {
        throw new CliFailure(Main.EXIT_USAGE, "--cookie: " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output.json) {
        Output.pretty(out, json(d));
        return 0;
      }
      for (CookieVerdict v : d.verdicts()) {
        out.printf(Locale.ROOT, "%-9s %-24s %-15s %s%n", v.outcome(), v.name().isEmpty() ? "(unparsed)" : v.name(),
            v.category().orElse("-"), v.reason());
        v.header().filter(h -> v.outcome() == CookieVerdict.Outcome.REWRITTEN).ifPresent(h -> out.println("          -> " + h));
      }
      if (!d.expiring().isEmpty()) {
        out.println("Expire (" + d.expiring().size() + " headers):");
        d.expiring().forEach(h -> out.println("  Set-Cookie: " + h));
      }
      return 0;
    }
  }

  static ObjectNode json(GateDecision d) {
    ObjectNode o = Output.object();
    ArrayNode allowed = o.putArray("allowed");
    d.allowed().forEach(allowed::add);
    ArrayNode verdicts = o.putArray("verdicts");
    for (CookieVerdict v : d.verdicts()) {
      ObjectNode x = verdicts.addObject();
      x.put("outcome", v.outcome().name().toLowerCase(Locale.ROOT));
      x.put("name", v.name());
      x.put("category", v.category().orElse(null));
      v.classification().ifPresent(c -> {
        x.put("class", c.label().id());
        x.put("source", c.source().id());
        x.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
      });
      x.put("reason", v.reason());
      x.put("header", v.header().orElse(null));
    }
    ArrayNode expiring = o.putArray("expiring");
    d.expiring().forEach(expiring::add);
    return o;
  }

  /** Reads one input line of {@code cookies classify}. */
  static final class CookieInput {
    private static final Set<String> FIELDS = Set.of("name", "value", "domain", "path", "expiresInSeconds", "secure",
        "httpOnly", "sameSite", "firstPartySite");

    static Cookie parse(String line, String source, int no) {
      JsonNode n;
      try {
        n = Output.JSON.readTree(line);
      } catch (IOException e) {
        throw new CliFailure(Main.EXIT_USAGE, source + ":" + no + ": not a JSON object");
      }
      if (n == null || !n.isObject()) {
        throw new CliFailure(Main.EXIT_USAGE, source + ":" + no + ": not a JSON object");
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!FIELDS.contains(f)) {
          throw new CliFailure(Main.EXIT_USAGE, source + ":" + no + ": unknown field '" + f + "' (expected " +
              "name, value, domain, path, expiresInSeconds, secure, httpOnly, sameSite, firstPartySite)");
        }
      }
      String name = text(n, "name", source, no, true);
      Cookie.Builder b = Cookie.builder(name);
      b.value(text(n, "value", source, no, false));
      b.domain(text(n, "domain", source, no, false));
      b.path(text(n, "path", source, no, false));
      b.firstPartySite(text(n, "firstPartySite", source, no, false));
      JsonNode exp = n.get("expiresInSeconds");
      if (exp != null && !exp.isNull()) {
        if (!exp.canConvertToLong() || !exp.isIntegralNumber() || exp.asLong() < 0) {
          throw new CliFailure(Main.EXIT_USAGE, source + ":" + no
              + ": field 'expiresInSeconds' must be a whole number of seconds (0 or more) or null for a session cookie");
        }
        b.lifetime(Duration.ofSeconds(exp.asLong()));
      }
      b.secure(bool(n, "secure", source, no));
      b.httpOnly(bool(n, "httpOnly", source, no));
      String ss = text(n, "sameSite", source, no, false);
      b.sameSite(switch (ss.toLowerCase(Locale.ROOT)) {
        case "" -> SameSite.UNSPECIFIED;
        case "strict" -> SameSite.STRICT;
        case "lax" -> SameSite.LAX;
        case "none" -> SameSite.NONE;
        default -> throw new CliFailure(Main.EXIT_USAGE, source + ":" + no
            + ": field 'sameSite' must be Strict, Lax, None or null, got '" + ss + "'");
      });
      return b.build();
    }

    private static String text(JsonNode n, String field, String source, int no, boolean required) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          throw new CliFailure(Main.EXIT_USAGE, source + ":" + no + ": field '" + field + "' is required");
        }
        return "";
      }
      if (!v.isTextual()) {
        throw new CliFailure(Main.EXIT_USAGE, source + ":" + no + ": field '" + field + "' must be a string");
      }
      return v.asText();
    }

    private static boolean bool(JsonNode n, String field, String source, int no) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        return false;
      }
      if (!v.isBoolean()) {
        throw new CliFailure(Main.EXIT_USAGE, source + ":" + no + ": field '" + field + "' must be true or false");
      }
      return v.asBoolean();
    }
  }
}
