package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The embedded default policy keeps the promises of a typical AI image site's notice. */
class DefaultPolicyTest {

  private final Policy p = Policy.defaultPolicy();

  @Test
  void sessionCookiesForAuthenticationAndFraudPreventionNeedNoConsent() {
    CookieCategory necessary = p.cookieCategory("necessary").orElseThrow();
    assertThat(necessary.cookieClass()).isEqualTo(CookieClass.NECESSARY);
    assertThat(necessary.consentRequired()).isFalse();
    assertThat(necessary.persistent()).isFalse();
    assertThat(necessary.purposes()).containsExactly("authentication", "fraud-prevention");
  }

  @Test
  void noticeAcceptanceAndFunctionalCookiesArePersistent() {
    assertThat(p.cookieCategory("consent-notice").orElseThrow().persistent()).isTrue();
    CookieCategory functional = p.cookieCategory("functional").orElseThrow();
    assertThat(functional.persistent()).isTrue();
    assertThat(functional.cookieClass()).isEqualTo(CookieClass.FUNCTIONAL);
  }

  @Test
  void analyticsAndAdvertisingNeedConsentAndAdvertisingHonoursGpc() {
    for (String id : new String[] {"analytics", "advertising"}) {
      CookieCategory c = p.cookieCategory(id).orElseThrow();
      assertThat(c.consentRequired()).as(id).isTrue();
      assertThat(c.defaultState()).as(id).isEqualTo(ConsentDefault.DENIED);
      assertThat(c.purposes()).allSatisfy(purpose ->
          assertThat(p.purpose(purpose).orElseThrow().legalBasis()).isEqualTo(LegalBasis.CONSENT));
    }
    assertThat(p.cookieCategory("advertising").orElseThrow().optOutSignals()).contains(OptOutSignal.GPC);
  }

  @Test
  void accountDataIsKeptWhileTheAccountExistsPlusAShortGracePeriod() {
    RetentionRule account = p.retentionFor("account").orElseThrow();
    assertThat(account.from()).isEqualTo(RetentionTrigger.ACCOUNT_CLOSED);
    assertThat(Periods.approximateDays(account.period())).isLessThanOrEqualTo(31);
  }

  @Test
  void usageDataIsKeptShorterUnlessNeededForSecurity() {
    RetentionRule usage = p.retentionFor("usage").orElseThrow();
    assertThat(usage.from()).isEqualTo(RetentionTrigger.COLLECTED);
    assertThat(Periods.approximateDays(usage.period())).isLessThan(Periods.approximateDays(Period.ofYears(1)));
    assertThat(usage.exemption(ExemptionReason.SECURITY)).isPresent();
  }

  @Test
  void prohibitedContentIsBlockedAndIllegalContentReported() {
    for (Severity s : Severity.values()) {
      assertThat(p.actionFor(Category.SEXUAL_MINORS, s)).isEqualTo(Action.BLOCK_AND_REPORT);
    }
    assertThat(p.actionFor(Category.SEXUAL, Severity.HIGH)).isEqualTo(Action.BLOCK);
    assertThat(p.actionFor(Category.ILLICIT, Severity.CRITICAL)).isEqualTo(Action.BLOCK_AND_REPORT);
    assertThat(p.actionFor(Category.PROFANITY, Severity.LOW)).isEqualTo(Action.ALLOW);
    for (Category c : Category.STANDARD) {
      assertThat(p.contentRule(c)).as("content rule for %s", c).isPresent();
    }
  }

  @Test
  void repeatOffendersAreWarnedSuspendedThenTerminated() {
    EnforcementLadder e = p.enforcement();
    assertThat(e.stepFor(0)).isEmpty();
    assertThat(e.stepFor(1).orElseThrow().action()).isEqualTo(EnforcementAction.WARN);
    assertThat(e.stepFor(4).orElseThrow().action()).isEqualTo(EnforcementAction.SUSPEND);
    assertThat(e.stepFor(100).orElseThrow().action()).isEqualTo(EnforcementAction.TERMINATE);
    assertThat(e.zeroTolerance()).containsExactly(Category.SEXUAL_MINORS);
  }

  @Test
  void peopleCanAccessCorrectExportAndDeleteTheirData() {
    assertThat(p.dataSubjectRights().rights()).contains(DataSubjectRight.ACCESS,
        DataSubjectRight.RECTIFICATION, DataSubjectRight.PORTABILITY, DataSubjectRight.ERASURE);
    assertThat(p.dataSubjectRights().responseTime()).isEqualTo(Period.ofMonths(1));
    assertThat(p.dataSubjectRights().maxExtension()).isEqualTo(Period.ofMonths(2));
  }

  @Test
  void writingAndReadingBackGivesAnEqualPolicy() {
    String json = p.toJson();
    assertThat(Policy.parse(json, "round-trip")).isEqualTo(p);
    assertThat(Policy.parse(json, "again").toJson()).isEqualTo(json);
  }

  @Test
  void theDefaultIsTheSameInstanceEachTime() {
    assertThat(Policy.defaultPolicy()).isSameAs(p);
    assertThat(Policy.defaultPolicyJson()).contains("\"id\": \"warden-default\"");
  }
}
