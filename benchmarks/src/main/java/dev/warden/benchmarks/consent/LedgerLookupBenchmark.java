package dev.warden.benchmarks.consent;

import dev.warden.consent.ConsentState;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentRecord;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
 * A subject's current consent on the request path: {@link ConsentLedger#state} (latest record,
 * expiry and policy-change checks) and the store's latest record, against the peer a host would
 * write, a {@code ConcurrentHashMap} from subject to their choices. One operation is one look-up.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LedgerLookupBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class LedgerLookupBenchmark {

  @Param({"100000"})
  int subjects;

  private ConsentLedger ledger;
  private ConsentStore store;
  private ConcurrentHashMap<Pseudonym, Map<String, Boolean>> map;
  private Pseudonym[] keys;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    store = ConsentStore.inMemory();
    ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).build();
    map = new ConcurrentHashMap<>();
    Random rnd = new Random(42);
    keys = new Pseudonym[1 << 16];
    for (int s = 0; s < subjects; s++) {
      Pseudonym p = Pseudonym.of("ps_" + Integer.toHexString(s * 7919));
      ConsentRecord r = ledger.record(p, Map.of("analytics", rnd.nextBoolean()), CollectionMethod.BANNER, "en");
      map.put(p, r.categories());
      if (s < keys.length) {
        keys[s] = p;
      }
    }
    for (int k = 0; k < keys.length; k++) {
      if (keys[k] == null) {
        keys[k] = keys[rnd.nextInt(Math.min(subjects, keys.length))];
      }
    }
  }

  private Pseudonym next() {
    Pseudonym p = keys[i];
    i = (i + 1) & (keys.length - 1);
    return p;
  }

  @Benchmark
  public ConsentState wardenState() {
    return ledger.state(next());
  }

  @Benchmark
  public Optional<ConsentRecord> wardenLatestRecord() {
    return store.latest(next());
  }

  @Benchmark
  public Map<String, Boolean> concurrentHashMapPeer() {
    return map.get(next());
  }
}
