package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void classifyWritesOneLinePerInputLineInOrder() throws Exception {
    Path in = dir.resolve("cookies.jsonl");
    Files.writeString(in, """
        {"name":"_ga","value":"GA1.1.1.1","domain":".example.com","path":"/","expiresInSeconds":34560000,"secure":false,"httpOnly":false,"sameSite":null,"firstPartySite":"example.com"}

        {"name":"PHPSESSID","value":"abc","domain":"example.com","path":"/","expiresInSeconds":null,"secure":true,"httpOnly":true,"sameSite":"Lax","firstPartySite":"example.com"}
        {"name":"test_cookie","domain":".doubleclick.net","expiresInSeconds":900,"firstPartySite":"example.com"}
        {"name":"warden_consent"}
        """);
    Result r = run("cookies", "classify", "--input", in.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> lines = r.out().lines().map(ConsentCommandsTest::json).toList();
    assertThat(lines).extracting(n -> n.get("category").asText())
        .containsExactly("analytics", "necessary", "advertising", "necessary");
    assertThat(lines).extracting(n -> n.get("source").asText())
        .containsExactly("built-in", "built-in", "built-in", "policy");
    assertThat(lines.get(0).get("confidence").asDouble()).isEqualTo(1.0);
    List<String> keys = iterable(lines.get(0).fieldNames());
    assertThat(keys.subList(0, 3)).containsExactly("category", "confidence", "source");
  }

  @Test
  void classifyTakesTheBuiltInSiteRulesAndAnAbstentionThreshold() throws Exception {
    Path in = dir.resolve("unseen.jsonl");
    Files.writeString(in, """
        {"name":"qx_seg_77","domain":".adnxs.com","expiresInSeconds":7776000,"firstPartySite":"news.example"}
        {"name":"qzv","value":"k","domain":"news.example","expiresInSeconds":60,"firstPartySite":"news.example"}
        """);
    Result r = run("cookies", "classify", "--input", in.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> lines = r.out().lines().map(ConsentCommandsTest::json).toList();
    assertThat(lines.get(0).get("category").asText()).isEqualTo("advertising");
    assertThat(lines.get(0).get("source").asText()).isEqualTo("built-in");
    assertThat(lines.get(0).get("rule").asText()).contains("adnxs.com");
    assertThat(lines.get(1).get("source").asText()).as("by default the model gives its best class").isEqualTo("model");
    double p = lines.get(1).get("confidence").asDouble();
    Result strict = run("cookies", "classify", "--min-confidence", String.valueOf(Math.min(1.0, p + 0.01)),
        "--input", in.toString());
    assertThat(strict.code()).as(strict.err()).isZero();
    JsonNode abstained = json(strict.out().lines().toList().get(1));
    assertThat(abstained.get("category").asText()).isEqualTo("unknown");
    assertThat(abstained.get("source").asText()).isEqualTo("none");
    Result bad = run("cookies", "classify", "--min-confidence", "1.5", "--input", in.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--min-confidence must be from 0 to 1, got 1.5");
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  @Test
  void badInputNamesTheLineAndFieldAndExitsTwo() throws Exception {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{\"name\":\"a\"}\n{\"name\":\"b\",\"expiresInSeconds\":-5}\n");
    Result r = run("cookies", "classify", "--input", in.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains(in + ":2: field 'expiresInSeconds' must be a whole number of seconds");
    Files.writeString(in, "{\"name\":\"a\",\"expiresIn\":5}\n");
    assertThat(run("cookies", "classify", "--input", in.toString()).err()).contains(":1: unknown field 'expiresIn'");
    Files.writeString(in, "[1,2]\n");
    assertThat(run("cookies", "classify", "--input", in.toString()).err()).contains(":1: not a JSON object");
    assertThat(run("cookies", "classify", "--input", dir.resolve("none.jsonl").toString()).code())
        .isEqualTo(Main.EXIT_USAGE);
    Path badCatalog = dir.resolve("bad.csv");
    Files.writeString(badCatalog, "Name,Category\n");
    Result c = run("cookies", "classify", "--catalog", badCatalog.toString(), "--input", in.toString());
    assertThat(c.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(c.err()).contains("missing column 'Cookie / Data Key name'");
  }

  @Test
  void gateShowsWhatGoesOutAndWhy() throws Exception {
    Result r = run("cookies", "gate", "--json", "--grant", "analytics", "--gpc",
        "--set-cookie", "_ga=GA1.1.1.1; Max-Age=86400; Path=/",
        "--set-cookie", "_fbp=fb.1.2.3; Path=/",
        "--set-cookie", "broken",
        "--cookie", "_fbp=fb.1.0.0");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = json(r.out());
    assertThat(n.get("allowed")).hasSize(1);
    assertThat(n.at("/allowed/0").asText()).isEqualTo("_ga=GA1.1.1.1; Max-Age=86400; Path=/");
    assertThat(n.at("/verdicts/1/outcome").asText()).isEqualTo("dropped");
    assertThat(n.at("/verdicts/1/reason").asText()).isEqualTo("denied by the Global Privacy Control signal");
    assertThat(n.at("/verdicts/2/reason").asText()).startsWith("malformed:");
    assertThat(n.get("expiring")).isNotEmpty();
    Result text = run("cookies", "gate", "--set-cookie", "_ga=1; Path=/");
    assertThat(text.out()).contains("DROPPED", "_ga", "category 'analytics' needs consent and none was given");
    assertThat(run("cookies", "gate", "--grant", "marketing").err())
        .contains("has no cookie category 'marketing'");
  }

  @Test
  void consentShowAndExportReadTheStore() throws Exception {
    Path store = dir.resolve("consent");
    try (ConsentStore s = ConsentStore.journal(store).open()) {
      ConsentLedger l = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(s).build();
      l.record(Pseudonym.of("ps_cli1"), Map.of("analytics", true), CollectionMethod.BANNER, "en");
      l.withdraw(Pseudonym.of("ps_cli1"), CollectionMethod.SETTINGS_PAGE, "en");
    }
    Result show = run("consent", "show", "ps_cli1", "--store", store.toString());
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("2 record(s)", "given via banner", "withdrawn via settings-page", "-analytics",
        "Consent is current.");
    JsonNode j = json(run("consent", "show", "ps_cli1", "--store", store.toString(), "--json").out());
    assertThat(j.at("/state/analytics").asBoolean()).isFalse();
    assertThat(j.at("/latest/event").asText()).isEqualTo("withdrawn");
    JsonNode export = json(run("consent", "export", "ps_cli1", "--store", store.toString()).out());
    assertThat(export.get("receipts")).hasSize(2);
    assertThat(export.at("/receipts/0/schema").asText()).isEqualTo("warden-consent-receipt/1");
    assertThat(run("consent", "show", "not a pseudonym!", "--store", store.toString()).code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("consent", "show", "ps_x", "--store", dir.resolve("missing").toString()).err())
        .contains("no consent store at");
    Path notAStore = Files.createDirectories(dir.resolve("empty"));
    assertThat(run("consent", "export", "ps_x", "--store", notAStore.toString()).err()).contains("(no CURRENT file)");
    assertThat(notAStore.resolve("CURRENT")).doesNotExist();
  }

  @Test
  void evalCookiesReportsBothSystemsOnACatalog() throws Exception {
    Path csv = dir.resolve("toy.csv");
    StringBuilder sb = new StringBuilder("Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
        + "Wildcard match\n");
    for (int i = 0; i < 20; i++) {
      sb.append("V").append(i).append(",Marketing,ads_uid_").append(i).append(",,x,1 year,0\n");
      sb.append("W").append(i).append(",Analytics,stats_visit_").append(i).append(",,x,1 year,0\n");
    }
    Files.writeString(csv, sb);
    Result r = run("eval", "cookies", "--catalog", csv.toString(), "--folds", "4", "--split", "stratified", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = json(r.out());
    assertThat(n.at("/0/rows").asInt()).isEqualTo(40);
    assertThat(n.at("/0/systems/1/accuracy").asDouble()).isEqualTo(1.0);
    assertThat(n.at("/0/systems/0/system").asText()).startsWith("database lookup");
    assertThat(n.at("/0/systems/2/calibrationError").asDouble()).isBetween(0.0, 1.0);
    assertThat(n.at("/0/labelAgreementWithBuiltIn/shared").asInt()).as("no toy name is in the built-in catalog").isZero();
    assertThat(run("eval", "cookies", "--catalog", csv.toString(), "--folds", "1").err()).contains("--folds");
    assertThat(run("eval", "cookies", "--catalog", csv.toString(), "--model", "svm").err())
        .contains("--model must be maxent or naive-bayes");
  }

  @Test
  void theDemoClassifiesCookiesAndShowsAGateDecision() {
    Result r = run("demo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("== consent ==", "test_cookie", "advertising", "denied by the Global Privacy Control",
        "gtag('consent', 'update'");
    JsonNode n = json(run("demo", "--json").out());
    assertThat(n.at("/consent/classified")).hasSize(7);
    assertThat(n.at("/consent/gate/verdicts/2/reason").asText()).isEqualTo("denied by the Global Privacy Control signal");
  }
}
