package dev.warden.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.cookie.CookieClassifier;
import dev.warden.consent.gate.GateDecision;
import dev.warden.consent.gate.GateRequest;
import dev.warden.consent.ledger.CollectionMethod;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.signal.ConsentMode;
import dev.warden.consent.signal.ConsentType;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentManagerTest {

  private static final Policy POLICY = Policy.defaultPolicy();
  private static final Pseudonym VISITOR = Pseudonym.of("ps_visitor1");

  private static ConsentManager manager() {
    return ConsentManager.builder().policy(POLICY).store(ConsentStore.inMemory()).site("example.com")
        .clock(Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC)).build();
  }

  @Test
  void aRequestsFlowIsStateThenFilterAndGpcDeniesAdvertisingWhateverWasGranted() {
    ConsentManager consent = manager();
    GateRequest request = GateRequest.https("www.example.com", "/");
    List<String> setCookies = List.of("_ga=GA1.1.1.1; Max-Age=600; Path=/", "_fbp=fb.1.2.3; Max-Age=600; Path=/");
    assertThat(consent.filter(request, setCookies, consent.state(VISITOR, null, null)).allowed())
        .as("nothing recorded: defaults").isEmpty();
    consent.record(VISITOR, Map.of("analytics", true, "advertising", true), CollectionMethod.BANNER, "en");
    assertThat(consent.filter(request, setCookies, consent.state(VISITOR, null, null)).allowed()).hasSize(2);
    ConsentState withGpc = consent.state(VISITOR, "1", null);
    GateDecision d = consent.filter(request, setCookies, withGpc);
    assertThat(d.allowed()).containsExactly("_ga=GA1.1.1.1; Max-Age=600; Path=/");
    ConsentMode mode = consent.consentMode(withGpc);
    assertThat(mode.granted(ConsentType.ANALYTICS_STORAGE)).isTrue();
    assertThat(mode.granted(ConsentType.AD_PERSONALIZATION)).isFalse();
    assertThat(consent.state(null, null, "1")).as("an anonymous visitor; DNT not honoured by default")
        .isEqualTo(ConsentState.defaults(POLICY));
  }

  @Test
  void withdrawingRecordsAndReturnsTheDeletionsInOneCall() {
    ConsentManager consent = manager();
    consent.record(VISITOR, Map.of("analytics", true, "advertising", true), CollectionMethod.BANNER, "en");
    GateRequest request = GateRequest.https("www.example.com", "/").withCookies("_ga=1; PHPSESSID=2; _fbp=3");
    ConsentManager.Withdrawal w = consent.withdraw(VISITOR, request, CollectionMethod.SETTINGS_PAGE, "en");
    assertThat(w.record().categories()).containsEntry("analytics", false).containsEntry("advertising", false);
    assertThat(w.deletions()).anyMatch(h -> h.startsWith("_ga=; Max-Age=0") && h.contains("Domain=example.com"))
        .anyMatch(h -> h.startsWith("_fbp=; Max-Age=0")).noneMatch(h -> h.startsWith("PHPSESSID="));
    assertThat(consent.ledger().state(VISITOR).choices()).containsEntry("analytics", false);
    ConsentManager.Withdrawal some = consent.withdraw(VISITOR, List.of("analytics"), request, CollectionMethod.API,
        "en");
    assertThat(some.deletions()).allMatch(h -> h.startsWith("_ga="));
  }

  @Test
  void theBuilderSaysWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> ConsentManager.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a store");
    assertThatThrownBy(() -> ConsentManager.builder().site("localhost"))
        .hasMessage("site must be a registrable domain such as example.com, got 'localhost'");
    Policy other = POLICY.toBuilder().version("2099-01-01").build();
    CookieClassifier forOther = CookieClassifier.builder().policy(other).build();
    assertThatThrownBy(() -> ConsentManager.builder().store(ConsentStore.inMemory()).classifier(forOther).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was built for policy");
  }
}
