package dev.warden.benchmarks.retention;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.benchmarks.retention.RetentionBenchData.SetClock;
import dev.warden.consent.dsr.DataSubjectRequests;
import dev.warden.consent.dsr.RequestType;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.retention.AuditJournalSource;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.consent.retention.PersonalRecord;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The export of one subject with {@code records} records in the embedded stores (half consent
 * records, half audit entries over 50 days), among 2,000 other subjects. {@code dsrExport} is the
 * whole request: received, verified, carried out in both sources (each source's data kept durably
 * in the request store), every step audited, then the one JSON document with purposes, recipients,
 * retention and origin. {@code handRolled} is what a host writes instead: the consent ledger's
 * receipts ({@code ConsentLedger.export}) and a scan of the audit journal for the subject's
 * aliases, serialised with Jackson, with no request, audit or policy annotations.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SubjectExportBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s
 * -rf json -rff /tmp/subject-export.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class SubjectExportBenchmark {

  private static final Pseudonym SUBJECT = Pseudonym.of("ps_bench_heavy_user");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Param({"10000"})
  int records;

  private Path dir;
  private Path requestsDir;
  private ConsentStore store;
  private AuditJournalSource audit;
  private ConsentLedger ledger;
  private Set<String> aliases;
  private DataSubjectRequests dsr;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("warden-export-bench");
    SetClock clock = new SetClock();
    clock.now = RetentionBenchData.NOW.minus(Duration.ofDays(60));
    store = ConsentStore.journal(dir.resolve("consent")).durability(Durability.OS).clock(clock)
        .snapshotEvery(Long.MAX_VALUE).open();
    audit = AuditJournalSource.builder(dir.resolve("audit")).durability(Durability.OS).clock(clock).open();
    ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).clock(clock).build();
    Random random = new Random(10_000L);
    int half = records / 2;
    for (int i = 0; i < half; i++) {
      clock.now = clock.now.plus(Duration.ofMinutes(10));
      ledger.record(SUBJECT, Map.of("analytics", random.nextBoolean()), CollectionMethod.API, "en");
      audit.append(i % 3 == 0 ? "moderation.checked" : "security.request", SUBJECT, Map.of("n", i));
      if (i % 3 == 0) {
        Pseudonym other = Pseudonym.of("ps_other" + random.nextInt(2000));
        ledger.record(other, Map.of("analytics", random.nextBoolean()), CollectionMethod.BANNER, "en");
        audit.append("security.login", other, Map.of("n", i));
      }
    }
    List<PersonalRecord> mine = audit.records(SUBJECT);
    aliases = mine.stream().map(PersonalRecord::id).collect(Collectors.toSet());
    int entries = mine.stream().mapToInt(r -> ((List<?>) r.data().get("entries")).size()).sum();
    if (store.history(SUBJECT).size() + entries != records) {
      throw new IllegalStateException("the subject has " + (store.history(SUBJECT).size() + entries) + " records");
    }
  }

  @Setup(Level.Invocation)
  public void freshRequests() throws IOException {
    requestsDir = Files.createTempDirectory(dir, "dsr");
    dsr = DataSubjectRequests.builder().policy(Policy.defaultPolicy()).source(PersonalDataSource.consentLedger(store))
        .source(audit).audit(audit).directory(requestsDir).open();
  }

  @TearDown(Level.Invocation)
  public void dropRequests() {
    dsr.close();
    RetentionBenchData.delete(requestsDir);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
    audit.close();
    RetentionBenchData.delete(dir);
  }

  @Benchmark
  public String dsrExport() {
    String id = dsr.submit(RequestType.EXPORT, SUBJECT).id();
    dsr.verify(id, "benchmark");
    dsr.process(id);
    return dsr.export(id);
  }

  @Benchmark
  public String handRolled() throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("consent", JSON.readTree(ledger.export(SUBJECT)));
    List<Map<String, Object>> entries = new ArrayList<>();
    audit.sync();
    try (Stream<AuditEntry> s = AuditJournal.entries(audit.directory().resolve("journal"))) {
      s.filter(e -> e.subject().map(p -> aliases.contains(p.value())).orElse(false)).forEach(e -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", e.sequence());
        m.put("timestamp", e.timestamp().toString());
        m.put("type", e.type());
        m.put("payload", e.payload());
        entries.add(m);
      });
    }
    doc.put("audit", entries);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
  }
}
