package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policies built in code obey the same rules as loaded ones, and errors name the value. */
class PolicyBuilderTest {

  @Test
  void toBuilderRoundTripsAndDerivesVariants() {
    Policy base = Policy.defaultPolicy();
    assertThat(base.toBuilder().build()).isEqualTo(base);
    Policy v2 = base.toBuilder().version("2026-01-01")
        .addPurpose(new Purpose("newsletter", "Send the newsletter", LegalBasis.CONSENT,
            List.of("account"), List.of()))
        .build();
    assertThat(v2.purpose("newsletter")).isPresent();
    assertThat(base.purpose("newsletter")).isEmpty();
  }

  @Test
  void danglingReferenceInCodeIsAValidationErrorWithAPointer() {
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class, () ->
        Policy.defaultPolicy().toBuilder()
            .addPurpose(new Purpose("x", "X", LegalBasis.CONTRACT, List.of("nowhere"), List.of()))
            .build());
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/purposes/8/dataCategories/0");
      assertThat(p.hasLocation()).isFalse();
      assertThat(p.message()).startsWith("refers to undefined data category 'nowhere'");
    });
  }

  @Test
  void missingPartsAreNamed() {
    assertThatThrownBy(() -> Policy.builder().id("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy builder is missing version, effectiveDate, contact, enforcement, consent, dataSubjectRights");
  }

  @Test
  void valueErrorsNameTheValue() {
    assertThatThrownBy(() -> new DataCategory("Bad Id", "d", true))
        .hasMessage("data category id must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, got 'Bad Id'");
    assertThatThrownBy(() -> new ConsentSettings(Period.ofDays(-1), true))
        .hasMessage("consent validity must not be negative, got P-1D");
    assertThatThrownBy(() -> new ContentRule(Category.HATE, java.util.Map.of(), 0.5))
        .hasMessage("content rule for hate has no action for severity LOW");
    assertThatThrownBy(() -> ContentRule.uniform(Category.HATE, Action.BLOCK).actions().put(null, null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new CookieCategory("ads", CookieClass.ADVERTISING, "Ads", List.of(), true,
        ConsentDefault.GRANTED, Optional.empty(), Set.of(), List.of()))
        .hasMessageContaining("must be 'denied' when consentRequired is true");
    assertThatThrownBy(() -> new EnforcementStep(2, EnforcementAction.SUSPEND, Optional.empty()))
        .hasMessage("enforcement step duration is required for a 'suspend' step");
    assertThatThrownBy(() -> new EnforcementLadder(Period.ofDays(30), List.of(
        new EnforcementStep(3, EnforcementAction.WARN, Optional.empty()),
        new EnforcementStep(3, EnforcementAction.TERMINATE, Optional.empty())), Set.of()))
        .hasMessage("enforcement steps must have strictly increasing violations, got 3 then 3");
    assertThatThrownBy(() -> new CookieDeclaration("(", CookieMatch.PATTERN, Optional.empty(), Optional.empty()))
        .hasMessageStartingWith("cookie declaration name is not a valid regular expression");
    assertThatThrownBy(() -> Category.of("Sexual"))
        .hasMessageContaining("got 'Sexual'");
  }

  @Test
  void collectionsOfAPolicyCannotBeModified() {
    Policy p = Policy.defaultPolicy();
    assertThatThrownBy(() -> p.purposes().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.enforcement().zeroTolerance().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
