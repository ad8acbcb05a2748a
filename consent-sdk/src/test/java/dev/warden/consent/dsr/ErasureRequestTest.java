package dev.warden.consent.dsr;

import static dev.warden.consent.dsr.DsrFixture.ALICE;
import static dev.warden.consent.dsr.DsrFixture.BOB;
import static dev.warden.consent.dsr.DsrFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.ledger.ErasureProof;
import dev.warden.consent.retention.HoldScope;
import dev.warden.consent.retention.LegalHold;
import dev.warden.consent.retention.MutableClock;
import dev.warden.consent.retention.PersonalRecord;
import dev.warden.policy.ExemptionReason;
import dev.warden.policy.Policy;
import dev.warden.policy.RetentionTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureRequestTest {

  @TempDir Path dir;

  @Test
  void anErasureLeavesNoTraceOfTheSubjectInAnyBuiltInSourceExceptTheProof() throws IOException {
    MutableClock clock = new MutableClock(T0);
    List<String> traces = new ArrayList<>(List.of(ALICE.value()));
    String erasure;
    String earlierAccess;
    try (DsrFixture f = new DsrFixture(dir, clock, DsrFixture.newHost(), Policy.defaultPolicy())) {
      f.populate(ALICE);
      f.populate(BOB);
      LegalHold old = f.holds.place(HoldScope.subject(ALICE), "claim 2025-3");
      clock.advance(Duration.ofHours(1));
      f.holds.release(old.id());
      earlierAccess = f.dsr.submit(RequestType.ACCESS, ALICE).id();
      f.dsr.verify(earlierAccess, "session");
      f.dsr.process(earlierAccess);
      f.audit.records(ALICE).forEach(r -> traces.add(r.id())); // the journal's aliases for Alice
      assertThat(traces).as("the pseudonym and three aliases").hasSize(4);
      assertThat(filesContaining(traces)).as("before: Alice is everywhere").isNotEmpty();

      erasure = f.dsr.submit(RequestType.ERASURE, ALICE).id();
      f.dsr.verify(erasure, "session");
      DataSubjectRequest r = f.dsr.process(erasure);
      assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
      assertThat(r.sources()).extracting(SourceOutcome::records).containsExactly(3, 3, 2);
      assertThat(r.sources()).allSatisfy(s -> assertThat(s.retained()).isEmpty());
      assertThat(r.subject()).isEmpty();
      assertThat(r.subjectDigest()).isEqualTo(ErasureProof.digestOf(ALICE));
      assertThat(f.store.erasureOf(ALICE)).hasValueSatisfying(p -> {
        assertThat(p.recordCount()).isEqualTo(3);
        assertThat(p.reference()).contains(erasure);
      });
      assertThat(f.dsr.get(earlierAccess).orElseThrow().subject()).isEmpty();
      assertThatThrownBy(() -> f.dsr.export(earlierAccess)).hasMessageContaining("was deleted when its subject");
      assertThat(f.holds.all()).isEmpty();
      for (var s : List.of(f.store.history(ALICE), f.audit.records(ALICE), f.host.records(ALICE))) {
        assertThat(s).isEmpty();
      }
      assertThat(f.audit.verify().ok()).isTrue();
      assertNoTrace(traces);
      assertThat(f.audit.records(BOB)).hasSize(3);
      assertThat(f.store.history(BOB)).hasSize(3);
    }
    assertNoTrace(traces);
    assertThat(filesContaining(List.of(BOB.value()))).isNotEmpty();
    assertThat(filesContaining(List.of(ErasureProof.digestOf(ALICE)))).as("the proof remains").isNotEmpty();
    try (DsrFixture f = new DsrFixture(dir, clock, DsrFixture.newHost(), Policy.defaultPolicy())) {
      assertThat(f.store.erasureOf(ALICE)).isPresent();
      assertThat(f.dsr.get(erasure).orElseThrow().state()).isEqualTo(RequestState.COMPLETED);
    }
  }

  @Test
  void anErasureKeepsWhatALegalHoldOrARunningLegalObligationCoversAndRecordsTheException() {
    MutableClock clock = new MutableClock(T0);
    try (DsrFixture f = new DsrFixture(dir, clock, DsrFixture.newHost(), Policy.defaultPolicy())) {
      f.populate(ALICE);
      f.host.add("invoice-2025", ALICE, "account", T0.minus(Duration.ofDays(800)),
          Map.of(RetentionTrigger.ACCOUNT_CLOSED, T0.minus(Duration.ofDays(365))),
          Set.of(ExemptionReason.LEGAL_OBLIGATION), Map.of("amount", 12));
      f.host.add("invoice-2018", ALICE, "account", T0.minus(Duration.ofDays(3000)),
          Map.of(RetentionTrigger.ACCOUNT_CLOSED, T0.minus(Duration.ofDays(365 * 7))),
          Set.of(ExemptionReason.LEGAL_OBLIGATION), Map.of("amount", 9));
      LegalHold hold = f.holds.place(HoldScope.subjectInCategory(ALICE, "usage"), "claim 2026-2");
      String id = f.dsr.submit(RequestType.ERASURE, ALICE).id();
      f.dsr.verify(id, "session");
      DataSubjectRequest r = f.dsr.process(id);
      assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
      SourceOutcome accounts = r.source("accounts").orElseThrow();
      assertThat(accounts.records()).as("the profile and the invoice past its six years").isEqualTo(2);
      assertThat(accounts.retained()).containsExactlyInAnyOrder(
          new Retained("account", ExemptionReason.LEGAL_OBLIGATION, 1,
              "GDPR Art. 17(3)(b): a legal obligation (retention rule account-data, at most P6Y)"),
          new Retained("usage", ExemptionReason.LEGAL_HOLD, 1,
              "GDPR Art. 17(3)(e): legal hold " + hold.id() + " (claim 2026-2)"));
      assertThat(f.host.all().keySet()).containsExactlyInAnyOrder("invoice-2025", ALICE.value() + "-visit");
      assertThat(r.subject()).as("data was kept, so the request still names its subject").contains(ALICE);
      assertThat(f.store.history(ALICE)).isEmpty();
      assertThat(f.holds.all()).containsExactly(hold);
      List<PersonalRecord> left = f.host.records(ALICE);
      assertThat(left).hasSize(2);
    }
  }

  @Test
  void anErasureIsRetriedWhenASourceFailsAndErasesNothingTwice() {
    MutableClock clock = new MutableClock(T0);
    try (DsrFixture f = new DsrFixture(dir, clock, DsrFixture.newHost(), Policy.defaultPolicy())) {
      f.populate(ALICE);
      String id = f.dsr.submit(RequestType.ERASURE, ALICE).id();
      f.dsr.verify(id, "session");
      f.host.failNext(1);
      DataSubjectRequest r = f.dsr.process(id);
      assertThat(r.state()).isEqualTo(RequestState.IN_PROGRESS);
      assertThat(r.subject()).contains(ALICE);
      clock.advance(Duration.ofHours(1));
      r = f.dsr.retryDue().get(0);
      assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
      assertThat(r.sources()).extracting(SourceOutcome::records).containsExactly(3, 3, 2);
      assertThat(f.store.erasures()).hasSize(1);
      assertThat(f.host.asked()).hasSize(2);
    }
  }

  /**
   * The pseudonym is nowhere; the journal's aliases stay only in the journal's own lines, where
   * nothing links them to anyone any more (the keyring that did is rewritten without them).
   */
  private void assertNoTrace(List<String> traces) throws IOException {
    assertThat(filesContaining(traces.subList(0, 1))).as("files naming the erased subject").isEmpty();
    Path journal = dir.resolve("audit").resolve("journal");
    assertThat(filesContaining(traces.subList(1, traces.size()))).as("files holding the subject's aliases")
        .allSatisfy(p -> assertThat(p.getParent()).isEqualTo(journal));
  }

  private List<Path> filesContaining(List<String> needles) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> {
        try {
          String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
          return needles.stream().anyMatch(text::contains);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

}
