package dev.warden.benchmarks.tcf;

import com.iabtcf.decoder.DecoderOption;
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
 * What a server does per request: decode the TC string, then ask whether one vendor has consent.
 * Warden against iabtcf-java 2.0.10's eager and lazy decoders (the lazy one decodes only the
 * vendor consent section here, its best case).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VendorConsentCheckBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class VendorConsentCheckBenchmark {

  @Param({"bitfield", "range"})
  public String encoding;

  @Param({"300", "800"})
  public int vendors;

  private String[] strings;
  private int[] ids;
  private int next;

  @Setup
  public void setUp() {
    strings = TcfBenchmarkStrings.generate(encoding, vendors, 64, 20_260_601L);
    ids = TcfBenchmarkStrings.lookups(vendors, 64, 77L);
  }

  /** The cost of picking the next string and id. */
  @Benchmark
  public int baseline() {
    int i = next;
    next = (next + 1) & 63;
    return strings[i].length() + ids[i];
  }

  @Benchmark
  public boolean warden() {
    int i = next;
    next = (next + 1) & 63;
    return TcString.decode(strings[i]).vendorConsent().contains(ids[i]);
  }

  @Benchmark
  public boolean iabtcfEager() {
    int i = next;
    next = (next + 1) & 63;
    return com.iabtcf.decoder.TCString.decode(strings[i]).getVendorConsent().contains(ids[i]);
  }

  @Benchmark
  public boolean iabtcfLazy() {
    int i = next;
    next = (next + 1) & 63;
    return com.iabtcf.decoder.TCString.decode(strings[i], DecoderOption.LAZY).getVendorConsent().contains(ids[i]);
  }
}
