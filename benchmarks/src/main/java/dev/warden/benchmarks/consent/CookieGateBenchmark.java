package dev.warden.benchmarks.consent;

import dev.warden.consent.ConsentState;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.gate.CookieGate;
import dev.warden.consent.gate.GateDecision;
import dev.warden.consent.gate.GateRequest;
import dev.warden.policy.Policy;
import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Set-Cookie gate on one response: parse every header (RFC 6265), classify it, check it against
 * the consent and cut its lifetime. The peer is the JDK's {@link HttpCookie#parse}, which only
 * parses; a host gating cookies by hand would start there. One operation is one response.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CookieGateBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CookieGateBenchmark {

  private static final String[] TEMPLATES = {
      "PHPSESSID=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
      "_ga=GA1.1.%s; Max-Age=63072000; Domain=.example.com; Path=/",
      "_gid=GA1.1.%s; Max-Age=86400; Domain=.example.com; Path=/",
      "_fbp=fb.1.%s; Max-Age=7776000; Path=/",
      "XSRF-TOKEN=%s; Path=/; Secure; SameSite=Strict",
      "__cf_bm=%s; Max-Age=1800; Domain=.example.com; Path=/; HttpOnly; Secure; SameSite=None",
      "warden_consent=%s; Max-Age=31536000; Path=/; Secure",
      "_hjSessionUser_123=%s; Expires=Wed, 09 Jun 2027 10:18:14 GMT; Path=/",
      "lang=%s; Max-Age=31536000; Path=/",
      "_gcl_au=1.1.%s; Max-Age=7776000; Path=/"};

  @Param({"20"})
  int headers;

  private CookieGate gate;
  private GateRequest request;
  private ConsentState consent;
  private List<String> response;

  @Setup(Level.Trial)
  public void setUp() {
    Policy policy = Policy.defaultPolicy();
    gate = CookieGate.builder().policy(policy).classifier(CookieClassifier.builder().policy(policy).build())
        .site("example.com").build();
    request = GateRequest.https("www.example.com", "/");
    consent = ConsentState.of(policy, Map.of("analytics", true));
    Random rnd = new Random(42);
    response = new ArrayList<>();
    for (int i = 0; i < headers; i++) {
      response.add(String.format(TEMPLATES[i % TEMPLATES.length], Long.toHexString(rnd.nextLong())));
    }
  }

  @Benchmark
  public GateDecision warden() {
    return gate.filter(request, response, consent);
  }

  @Benchmark
  public void jdkHttpCookieParsePeer(Blackhole bh) {
    for (String h : response) {
      bh.consume(HttpCookie.parse(h));
    }
  }
}
