package dev.warden.benchmarks.tcf;

import com.iabtcf.decoder.DecoderOption;
import com.iabtcf.utils.IntIterable;
import dev.warden.consent.tcf.IdSet;
import dev.warden.consent.tcf.TcString;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code vendorConsent(id)} on an already decoded string, 1,024 seeded ids per operation: Warden's
 * {@code IdSet.contains} against the vendor consent sets of iabtcf-java 2.0.10's eager and lazy
 * decoders (the lazy one caches the set after the first call).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VendorConsentLookupBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class VendorConsentLookupBenchmark {

  @Param({"bitfield", "range"})
  public String encoding;

  @Param({"300", "800"})
  public int vendors;

  private IdSet warden;
  private com.iabtcf.decoder.TCString eager;
  private com.iabtcf.decoder.TCString lazy;
  private int[] ids;

  @Setup
  public void setUp() {
    String s = TcfBenchmarkStrings.generate(encoding, vendors, 1, 20_260_601L)[0];
    warden = TcString.decode(s).vendorConsent();
    eager = com.iabtcf.decoder.TCString.decode(s);
    lazy = com.iabtcf.decoder.TCString.decode(s, DecoderOption.LAZY);
    ids = TcfBenchmarkStrings.lookups(vendors, 1024, 77L);
  }

  /** The cost of the loop over the ids. */
  @Benchmark
  public int baseline() {
    int n = 0;
    for (int id : ids) {
      n += id & 1;
    }
    return n;
  }

  @Benchmark
  public int warden() {
    IdSet set = warden;
    int n = 0;
    for (int id : ids) {
      if (set.contains(id)) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  public int iabtcfEager() {
    int n = 0;
    for (int id : ids) {
      if (eager.getVendorConsent().contains(id)) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  public int iabtcfLazy() {
    int n = 0;
    for (int id : ids) {
      IntIterable set = lazy.getVendorConsent();
      if (set.contains(id)) {
        n++;
      }
    }
    return n;
  }
}
