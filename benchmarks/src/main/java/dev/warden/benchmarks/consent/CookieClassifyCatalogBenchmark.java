package dev.warden.benchmarks.consent;

import dev.warden.consent.cookie.CatalogEntry;
import dev.warden.consent.cookie.Classification;
import dev.warden.consent.cookie.Cookie;
import dev.warden.consent.cookie.CookieCatalog;
import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.policy.CookieClass;
import dev.warden.policy.Policy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Classifying cookies the catalogs know (the common case on a real site): Warden's classifier
 * (policy declarations, then the built-in catalog's exact, prefix and pattern rules) against the
 * peer a user would write instead, a {@code HashMap} from name to class over the same catalog.
 * One operation is one cookie.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CookieClassifyCatalogBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class CookieClassifyCatalogBenchmark {

  @Param({"1024"})
  int cookies;

  private CookieClassifier classifier;
  private Map<String, CookieClass> hashMap;
  private Cookie[] input;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    classifier = CookieClassifier.builder().policy(Policy.defaultPolicy()).build();
    hashMap = new HashMap<>();
    for (CatalogEntry e : CookieCatalog.builtIn().entries()) {
      hashMap.putIfAbsent(e.name(), e.cookieClass());
    }
    List<Cookie> c = ConsentBenchData.cookies(ConsentBenchData.catalogNames(cookies, 42), 7);
    input = c.toArray(new Cookie[0]);
  }

  private Cookie next() {
    Cookie c = input[i];
    i = (i + 1) & (input.length - 1);
    return c;
  }

  @Benchmark
  public Classification warden() {
    return classifier.classify(next());
  }

  @Benchmark
  public CookieClass hashMapPeer() {
    return hashMap.get(next().name());
  }

  @Benchmark
  public Cookie baseline() {
    return next();
  }
}
