package dev.warden.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.Policy;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random operations on the stores against a plain model (a map of lists): after every step
 * and every reopen, each subject's history, latest record and erasure proof agree.
 */
class LedgerModelTest {

  private static final Policy POLICY = Policy.defaultPolicy();
  private static final String[] CATEGORIES = {"functional", "analytics", "advertising"};

  @TempDir Path dir;

  @Test
  void theInMemoryStoreAgreesWithTheModel() {
    run(ConsentStore::inMemory, false, 11L, 1500);
  }

  @Test
  void theJournalStoreAgreesWithTheModelAcrossReopensSnapshotsAndErasures() {
    for (long seed : new long[] {1L, 2L, 3L}) {
      Path d = dir.resolve("s" + seed);
      run(() -> ConsentStore.journal(d).durability(Durability.OS).snapshotEvery(37).open(), true, seed, 500);
    }
  }

  private void run(Supplier<ConsentStore> open, boolean reopen, long seed, int steps) {
    Random rnd = new Random(seed);
    Map<Pseudonym, List<ConsentRecord>> model = new HashMap<>();
    Map<Pseudonym, ErasureProof> erased = new HashMap<>();
    Clock clock = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
    ConsentStore store = open.get();
    int[] ids = {0};
    try {
      for (int step = 0; step < steps; step++) {
        ConsentLedger ledger = ConsentLedger.builder().policy(POLICY).store(store).clock(clock)
            .recordIds(() -> "r" + seed + "-" + ids[0]++).build();
        Pseudonym who = Pseudonym.of("ps_" + rnd.nextInt(25));
        int op = rnd.nextInt(100);
        if (op < 55) {
          Map<String, Boolean> choice = new LinkedHashMap<>();
          for (String c : CATEGORIES) {
            if (rnd.nextBoolean()) {
              choice.put(c, rnd.nextBoolean());
            }
          }
          model.computeIfAbsent(who, k -> new ArrayList<>())
              .add(ledger.record(who, choice, CollectionMethod.values()[rnd.nextInt(3)], "en"));
        } else if (op < 80) {
          model.computeIfAbsent(who, k -> new ArrayList<>()).add(ledger.withdraw(who, CollectionMethod.SETTINGS_PAGE, "de"));
        } else if (op < 87) {
          ErasureProof p = ledger.erase(who, rnd.nextBoolean() ? null : "dsr-" + step);
          assertThat(p.recordCount()).isEqualTo(model.getOrDefault(who, List.of()).size());
          model.remove(who);
          erased.put(who, p);
        } else if (reopen && op < 92) {
          store.close();
          store = open.get();
          assertThat(store.recovery()).isPresent();
        } else {
          check(store, model, erased);
        }
      }
      check(store, model, erased);
      if (reopen) {
        store.close();
        store = open.get();
        check(store, model, erased);
      }
    } finally {
      store.close();
    }
  }

  private static void check(ConsentStore store, Map<Pseudonym, List<ConsentRecord>> model,
      Map<Pseudonym, ErasureProof> erased) {
    for (int i = 0; i < 25; i++) {
      Pseudonym p = Pseudonym.of("ps_" + i);
      List<ConsentRecord> expected = model.getOrDefault(p, List.of());
      assertThat(store.history(p)).as("history of %s", p).isEqualTo(expected);
      assertThat(store.latest(p)).isEqualTo(expected.isEmpty() ? java.util.Optional.empty()
          : java.util.Optional.of(expected.get(expected.size() - 1)));
      assertThat(store.erasureOf(p)).isEqualTo(java.util.Optional.ofNullable(erased.get(p)));
    }
    assertThat(store.subjects().count()).isEqualTo(model.values().stream().filter(l -> !l.isEmpty()).count());
    assertThat(store.erasures()).hasSize(erased.size());
  }
}
