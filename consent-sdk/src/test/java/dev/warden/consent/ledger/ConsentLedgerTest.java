package dev.warden.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.consent.ConsentState;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.Policy;
import dev.warden.policy.Purpose;
import dev.warden.policy.LegalBasis;
import dev.warden.policy.audit.Pseudonym;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {

  private static final Policy POLICY = Policy.defaultPolicy();
  private static final Pseudonym ALICE = Pseudonym.of("ps_alice");

  /** A clock tests move by hand. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-10T09:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

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
      return now.get();
    }
  }

  private MovableClock clock;
  private ConsentLedger ledger;

  @BeforeEach
  void setUp() {
    clock = new MovableClock();
    AtomicInteger n = new AtomicInteger();
    ledger = ConsentLedger.builder().policy(POLICY).store(ConsentStore.inMemory()).clock(clock)
        .recordIds(() -> "rec-" + n.incrementAndGet()).build();
  }

  @Test
  void aChoiceIsRecordedForEveryCategoryAndPurpose() {
    ConsentRecord r = ledger.record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en-GB");
    assertThat(r.recordId()).isEqualTo("rec-1");
    assertThat(r.event()).isEqualTo(ConsentEvent.GIVEN);
    assertThat(r.categories()).isEqualTo(Map.of("necessary", true, "consent-notice", true, "functional", true,
        "analytics", true, "advertising", false));
    assertThat(r.purposes()).isEqualTo(Map.of("analytics", true, "advertising", false));
    assertThat(r.policy()).isEqualTo(POLICY.ref());
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-01-10T09:00:00Z"));
    assertThat(r.expiresAt()).as("P12M validity").isEqualTo(Instant.parse("2027-01-10T09:00:00Z"));
    assertThat(r.supersedes()).isEmpty();
    assertThat(ledger.state(ALICE).choices()).containsEntry("analytics", true).containsEntry("advertising", false);
    assertThat(r.asMap()).containsEntry("recordId", "rec-1").containsEntry("subject", ALICE.value())
        .containsEntry("event", "given").containsEntry("expiresAt", "2027-01-10T09:00:00Z");
    assertThatThrownBy(() -> r.asMap().put("subject", "someone else")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ledger.needsRenewal(ALICE)).isFalse();
  }

  @Test
  void withdrawingIsOneCallAndAppendsANewRecord() {
    ConsentRecord given = ledger.record(ALICE, Map.of("analytics", true, "advertising", true), CollectionMethod.BANNER, "en");
    clock.advance(Duration.ofDays(3));
    ConsentRecord w = ledger.withdraw(ALICE, CollectionMethod.SETTINGS_PAGE, "en");
    assertThat(w.event()).isEqualTo(ConsentEvent.WITHDRAWN);
    assertThat(w.supersedes()).contains(given.recordId());
    assertThat(w.categories()).containsEntry("analytics", false).containsEntry("advertising", false)
        .containsEntry("functional", true);
    assertThat(ledger.history(ALICE)).containsExactly(given, w);
    ConsentState s = ledger.state(ALICE);
    assertThat(s.allows(POLICY.cookieCategory("analytics").orElseThrow())).isFalse();
  }

  @Test
  void withdrawingOneCategoryKeepsTheOthers() {
    ledger.record(ALICE, Map.of("analytics", true, "advertising", true), CollectionMethod.BANNER, "en");
    ConsentRecord w = ledger.withdraw(ALICE, Set.of("advertising"), CollectionMethod.API, "en");
    assertThat(w.categories()).containsEntry("analytics", true).containsEntry("advertising", false);
  }

  @Test
  void aChangedChoiceIsAnUpdateAndTheSameChoiceAfterExpiryARenewal() {
    ledger.record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
    assertThat(ledger.record(ALICE, Map.of("analytics", false), CollectionMethod.SETTINGS_PAGE, "en").event())
        .isEqualTo(ConsentEvent.UPDATED);
    clock.advance(Duration.ofDays(400));
    assertThat(ledger.record(ALICE, Map.of("analytics", false), CollectionMethod.BANNER, "en").event())
        .isEqualTo(ConsentEvent.RENEWED);
  }

  @Test
  void anExpiredConsentNoLongerCountsAndMustBeRenewed() {
    ledger.record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
    clock.advance(Duration.ofDays(366));
    assertThat(ledger.state(ALICE)).isEqualTo(ConsentState.defaults(POLICY));
    Renewal r = ledger.renewal(ALICE);
    assertThat(r.needed()).isTrue();
    assertThat(r.reasons()).containsExactly(
        "the consent of 2026-01-10T09:00:00Z expired at 2027-01-10T09:00:00Z");
    assertThat(ledger.renewal(Pseudonym.of("ps_nobody")).reasons()).containsExactly("no consent is recorded");
  }

  @Test
  void aMaterialPolicyChangeNeedsRenewalAndAMinorOneDoesNot() {
    ledger.record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
    CookieCategory a = POLICY.cookieCategory("analytics").orElseThrow();
    Policy minor = POLICY.toBuilder().version("2026-02-01").putCookieCategory(new CookieCategory(a.id(),
        a.cookieClass(), "Reworded description", a.purposes(), a.consentRequired(), a.defaultState(),
        a.maxLifetime(), a.optOutSignals(), a.cookies())).build();
    Policy material = POLICY.toBuilder().version("2026-03-01").addPurpose(new Purpose("profiling",
        "Build interest profiles", LegalBasis.CONSENT, List.of("usage"), List.of("advertising-partners"))).build();
    ConsentLedger underMinor = ConsentLedger.builder().policy(minor).earlierPolicies(List.of(POLICY))
        .store(ledger.store()).clock(clock).build();
    assertThat(underMinor.needsRenewal(ALICE)).isFalse();
    assertThat(underMinor.state(ALICE).choices()).containsEntry("analytics", true);
    ConsentLedger underMaterial = ConsentLedger.builder().policy(material).earlierPolicies(List.of(POLICY))
        .store(ledger.store()).clock(clock).build();
    Renewal r = underMaterial.renewal(ALICE);
    assertThat(r.needed()).isTrue();
    assertThat(r.reasons()).containsExactly(
        "policy changed materially since version 2025-11-05: new purpose 'profiling' (legal basis consent)");
    assertThat(underMaterial.state(ALICE)).isEqualTo(ConsentState.defaults(material));
    ConsentLedger unknownHistory = ConsentLedger.builder().policy(minor).store(ledger.store()).clock(clock).build();
    assertThat(unknownHistory.renewal(ALICE).reasons()).singleElement().asString()
        .contains("version 2025-11-05, which this ledger does not know");
  }

  @Test
  void badChoicesAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> ledger.record(ALICE, Map.of("necessary", false), CollectionMethod.BANNER, "en"))
        .hasMessage("cookie category 'necessary' is strictly necessary and cannot be refused");
    assertThatThrownBy(() -> ledger.record(ALICE, Map.of("marketing", true), CollectionMethod.BANNER, "en"))
        .hasMessage("policy warden-default@2025-11-05 has no cookie category 'marketing'");
    assertThatThrownBy(() -> ledger.record(ALICE, Map.of(), CollectionMethod.BANNER, "english please"))
        .hasMessageStartingWith("noticeLanguage must be a BCP 47 language tag");
    assertThatThrownBy(() -> ledger.record(ALICE, Map.of(), CollectionMethod.TC_STRING, "en", "x".repeat(5000)))
        .hasMessage("evidence must be at most 4096 characters, got 5000");
    assertThatThrownBy(() -> ConsentLedger.builder().build()).hasMessageStartingWith("a consent ledger needs a store");
    assertThat(ledger.store().history(ALICE)).isEmpty();
  }

  @Test
  void aTcStringOrGpcSignalCanBeTheCollectionMethod() {
    ConsentRecord tc = ledger.record(ALICE, Map.of("advertising", true), CollectionMethod.TC_STRING, "fr",
        "CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA");
    assertThat(tc.method().id()).isEqualTo("tc-string");
    assertThat(tc.evidence()).contains("CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA");
    ConsentRecord gpc = ledger.withdraw(ALICE, Set.of("advertising"), CollectionMethod.GPC_SIGNAL, "fr");
    assertThat(gpc.method()).isEqualTo(CollectionMethod.GPC_SIGNAL);
  }

  @Test
  void theReceiptCarriesTheKantaraAndIso27560Fields() throws Exception {
    ConsentRecord r = ledger.record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en", "banner-v3");
    JsonNode n = new ObjectMapper().readTree(ledger.receipt(r));
    assertThat(n.get("schema").asText()).isEqualTo("warden-consent-receipt/1");
    assertThat(n.get("receiptId").asText()).isEqualTo("rec-1");
    assertThat(n.get("piiPrincipalId").asText()).isEqualTo("ps_alice");
    assertThat(n.get("consentTimestamp").asText()).isEqualTo("2026-01-10T09:00:00Z");
    assertThat(n.get("collectionMethod").asText()).isEqualTo("banner");
    assertThat(n.get("evidence").asText()).isEqualTo("banner-v3");
    assertThat(n.get("language").asText()).isEqualTo("en");
    assertThat(n.at("/notice/policyVersion").asText()).isEqualTo("2025-11-05");
    assertThat(n.at("/piiController/email").asText()).isEqualTo("privacy@example.com");
    assertThat(n.at("/cookieCategories/0/category").asText()).isEqualTo("advertising");
    assertThat(n.at("/cookieCategories/0/granted").asBoolean()).isFalse();
    assertThat(n.at("/purposes/1/purpose").asText()).isEqualTo("analytics");
    assertThat(n.at("/purposes/1/granted").asBoolean()).isTrue();
  }

  @Test
  void anErasedSubjectLeavesOnlyAProof() throws Exception {
    ledger.record(ALICE, Map.of("analytics", true), CollectionMethod.BANNER, "en");
    ledger.withdraw(ALICE, CollectionMethod.BANNER, "en");
    ErasureProof p = ledger.erase(ALICE, "dsr-42");
    assertThat(p.recordCount()).isEqualTo(2);
    assertThat(p.isAbout(ALICE)).isTrue();
    assertThat(p.isAbout(Pseudonym.of("ps_bob"))).isFalse();
    assertThat(p.reference()).contains("dsr-42");
    assertThat(ledger.history(ALICE)).isEmpty();
    JsonNode n = new ObjectMapper().readTree(ledger.export(ALICE));
    assertThat(n.get("receipts")).isEmpty();
    assertThat(n.at("/erasure/recordCount").asInt()).isEqualTo(2);
    assertThat(n.get("needsRenewal").asBoolean()).isTrue();
  }
}
