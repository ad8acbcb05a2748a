package dev.warden.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.consent.ConsentState;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.OptOutSignal;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ledger's fast current-state path over the built-in stores answers as the general path does. */
class StateLookupTest {

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The same store seen only through the interface, so the ledger takes its general path. */
  private record Plain(ConsentStore s) implements ConsentStore {
    public void append(ConsentRecord r) {
      s.append(r);
    }

    public Optional<ConsentRecord> latest(Pseudonym p) {
      return s.latest(p);
    }

    public List<ConsentRecord> history(Pseudonym p) {
      return s.history(p);
    }

    public Stream<Pseudonym> subjects() {
      return s.subjects();
    }

    public Stream<ConsentRecord> recordsBefore(Instant cutoff) {
      return s.recordsBefore(cutoff);
    }

    public ErasureProof erase(Pseudonym p, String reference) {
      return s.erase(p, reference);
    }

    public Optional<ErasureProof> erasureOf(Pseudonym p) {
      return s.erasureOf(p);
    }

    public List<ErasureProof> erasures() {
      return s.erasures();
    }

    public void close() {
      s.close();
    }
  }

  @Test
  void theFastPathAgreesWithTheGeneralPathThroughExpiryPolicyChangesAndErasures() {
    Policy old = Policy.defaultPolicy();
    Policy current = old.toBuilder().version("2099-01-01").build();
    Policy unknown = old.toBuilder().version("1999-01-01").build();
    MovingClock clock = new MovingClock();
    ConsentStore store = ConsentStore.inMemory();
    ConsentLedger[] writers = {
        ConsentLedger.builder().policy(old).store(store).clock(clock).build(),
        ConsentLedger.builder().policy(current).store(store).clock(clock).build(),
        ConsentLedger.builder().policy(unknown).store(store).clock(clock).build()};
    ConsentLedger writerNew = writers[1];
    ConsentLedger fast = ConsentLedger.builder().policy(current).earlierPolicies(List.of(old)).store(store)
        .clock(clock).build();
    ConsentLedger general = fast.toBuilderForTest(new Plain(store));
    Random rnd = new Random(91L);
    ConsentState defaults = ConsentState.defaults(current);
    int[] seen = new int[2];
    for (int step = 0; step < 3000; step++) {
      Pseudonym p = Pseudonym.of("ps_" + rnd.nextInt(30));
      int op = rnd.nextInt(100);
      if (op < 40) {
        Map<String, Boolean> choice = new LinkedHashMap<>();
        choice.put("analytics", rnd.nextBoolean());
        choice.put("advertising", rnd.nextBoolean());
        writers[rnd.nextInt(3)].record(p, choice, CollectionMethod.BANNER, "en");
      } else if (op < 50) {
        writerNew.withdraw(p, CollectionMethod.API, "en");
      } else if (op < 53) {
        store.erase(p, null);
      } else if (op < 70) {
        // Around a year: consents expire, and land exactly on their expiry now and then.
        clock.now = rnd.nextInt(10) == 0
            ? store.latest(p).map(ConsentRecord::expiresAt).orElse(clock.now)
            : clock.now.plus(Duration.ofHours(rnd.nextInt(24 * 40)));
      }
      for (int k = 0; k < 3; k++) {
        Pseudonym q = Pseudonym.of("ps_" + rnd.nextInt(30));
        ConsentState st = fast.state(q);
        assertThat(st).as("state of %s at step %d", q, step).isEqualTo(general.state(q));
        seen[st.equals(defaults) ? 0 : 1]++;
      }
    }
    assertThat(seen[0]).as("defaults looked up").isGreaterThan(500);
    assertThat(seen[1]).as("recorded choices looked up").isGreaterThan(500);
  }

  @Test
  void allowsAgreesWithDeniedByForRandomStates() {
    Policy policy = Policy.defaultPolicy();
    Random rnd = new Random(17L);
    for (int i = 0; i < 2000; i++) {
      Map<String, Boolean> choices = new LinkedHashMap<>();
      for (CookieCategory c : policy.cookieCategories()) {
        if (rnd.nextInt(3) > 0 && !(c.cookieClass() == dev.warden.policy.CookieClass.NECESSARY)) {
          choices.put(c.id(), rnd.nextBoolean());
        }
      }
      ConsentState s = ConsentState.of(policy, choices)
          .withSignals(rnd.nextBoolean() ? Set.of() : Set.of(OptOutSignal.values()[rnd.nextInt(OptOutSignal.values().length)]));
      for (CookieCategory c : policy.cookieCategories()) {
        assertThat(s.allows(c)).as("%s under %s", c.id(), s).isEqualTo(s.deniedBy(c) == null);
      }
    }
  }
}
