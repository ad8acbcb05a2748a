package dev.warden.consent.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.audit.AuditEntry;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegalHoldsTest {

  private static final Pseudonym ALICE = Pseudonym.of("ps_alice7Qx2");
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(T0);

  @Test
  void placingReleasingAndForgettingAreAuditedAndSharedThroughTheFile() {
    Path file = dir.resolve("holds.json");
    try (AuditJournal audit = AuditJournal.builder(dir.resolve("audit")).durability(Durability.OS).open()) {
      LegalHolds a = LegalHolds.builder().file(file).audit(audit).clock(clock).open();
      LegalHolds b = LegalHolds.builder().file(file).audit(audit).clock(clock).open();
      LegalHold h = a.place(HoldScope.subject(ALICE), "claim 2026-114");
      assertThat(b.holding(ALICE, "usage", T0)).as("not seen before a reload").isEmpty();
      b.reload();
      assertThat(b.holding(ALICE, "usage", T0)).contains(h);
      clock.advance(Duration.ofDays(3));
      LegalHold released = b.release(h.id());
      assertThat(released.releasedAt()).contains(T0.plus(Duration.ofDays(3)));
      assertThat(b.release(h.id())).as("releasing twice changes nothing").isEqualTo(released);
      a.reload();
      assertThat(a.holding(ALICE, "usage", clock.instant())).isEmpty();
      assertThat(a.holding(ALICE, "usage", T0.plus(Duration.ofDays(1)))).as("it held while it was in force")
          .isPresent();
      assertThat(a.forget(ALICE)).isEqualTo(1);
      assertThat(a.all()).isEmpty();
    }
    try (Stream<AuditEntry> s = AuditJournal.entries(dir.resolve("audit"))) {
      assertThat(s.map(AuditEntry::type)).containsExactly("legal-hold.placed", "legal-hold.released",
          "legal-hold.forgotten");
    }
  }

  @Test
  void aHoldWithAnEndStopsHoldingAtItsEndAndScopesCoverWhatTheyName() {
    try (AuditJournal audit = AuditJournal.builder(dir).durability(Durability.OS).open()) {
      LegalHolds holds = LegalHolds.builder().audit(audit).clock(clock).open();
      LegalHold cat = holds.place(HoldScope.category("usage"), "tax audit 2026", T0.plus(Duration.ofDays(30)));
      LegalHold mine = holds.place(HoldScope.subjectInCategory(ALICE, "account"), "claim");
      Pseudonym bob = Pseudonym.of("ps_bob");
      assertThat(holds.holding(bob, "usage", T0.plus(Duration.ofDays(29)))).contains(cat);
      assertThat(holds.holding(bob, "usage", T0.plus(Duration.ofDays(30)))).isEmpty();
      assertThat(holds.holding(ALICE, "account", T0)).contains(mine);
      assertThat(holds.holding(bob, "account", T0)).isEmpty();
      assertThat(holds.holding(ALICE, "account", T0.minusSeconds(1))).as("not before it was placed").isEmpty();
      assertThat(holds.active(T0.plus(Duration.ofDays(31)))).containsExactly(mine);
      assertThat(holds.forget(ALICE)).as("a hold in force is not forgotten").isZero();
    }
  }

  @Test
  void badHoldsAreRefusedWithTheReason() throws IOException {
    try (AuditJournal audit = AuditJournal.builder(dir).durability(Durability.OS).open()) {
      LegalHolds holds = LegalHolds.builder().audit(audit).clock(clock).open();
      assertThatThrownBy(() -> holds.place(HoldScope.subject(ALICE), " "))
          .hasMessage("a legal hold's reason must be 1 to 500 characters on one line, got a blank reason");
      assertThatThrownBy(() -> holds.place(HoldScope.subject(ALICE), "claim", T0.minusSeconds(1)))
          .hasMessageContaining("must end after it is placed");
      assertThatThrownBy(() -> new HoldScope(java.util.Optional.empty(), java.util.Optional.empty()))
          .hasMessage("a legal hold names a subject, a data category, or both");
      assertThatThrownBy(() -> HoldScope.category("Usage Data"))
          .hasMessage("a held data category is a policy id such as 'usage', got 'Usage Data'");
      assertThatThrownBy(() -> holds.release("hold-nope")).hasMessage("no legal hold with id 'hold-nope'");
      assertThatThrownBy(() -> LegalHolds.builder().open()).hasMessageContaining("need an audit log");
      Path bad = dir.resolve("bad.json");
      Files.writeString(bad, "{\"format\":\"warden-legal-holds\",\"holds\":[{\"id\":\"h\",\"dataCategory\":\"usage\",\"reason\":\"r\"}]}");
      assertThatThrownBy(() -> LegalHolds.builder().file(bad).audit(audit).open())
          .isInstanceOf(RetentionException.class).hasMessageContaining("/holds/0: placedAt is missing");
      Files.writeString(bad, "[]");
      assertThatThrownBy(() -> LegalHolds.builder().file(bad).audit(audit).open())
          .hasMessageContaining("not a legal holds file");
    }
  }
}
