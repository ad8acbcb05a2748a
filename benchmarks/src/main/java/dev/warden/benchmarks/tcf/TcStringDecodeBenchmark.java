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
 * Decoding a whole TC string (every field, every segment): Warden against iabtcf-java 2.0.10's
 * default (eager) decoder, which decodes every field, and its lazy decoder, which only splits and
 * base64-decodes (fields are read on first access, so lazy decode alone does less work than the
 * others). The same 64 seeded strings for all.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TcStringDecodeBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class TcStringDecodeBenchmark {

  @Param({"bitfield", "range"})
  public String encoding;

  @Param({"300", "800"})
  public int vendors;

  private String[] strings;
  private int next;

  @Setup
  public void setUp() {
    strings = TcfBenchmarkStrings.generate(encoding, vendors, 64, 20_260_601L);
  }

  private String nextString() {
    String s = strings[next];
    next = (next + 1) & 63;
    return s;
  }

  /** The cost of picking the next string. */
  @Benchmark
  public String baseline() {
    return nextString();
  }

  @Benchmark
  public TcString warden() {
    return TcString.decode(nextString());
  }

  @Benchmark
  public com.iabtcf.decoder.TCString iabtcfEager() {
    return com.iabtcf.decoder.TCString.decode(nextString());
  }

  @Benchmark
  public com.iabtcf.decoder.TCString iabtcfLazy() {
    return com.iabtcf.decoder.TCString.decode(nextString(), DecoderOption.LAZY);
  }
}
