package dev.warden.consent.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.ConsentState;
import dev.warden.policy.CookieCategory;
import dev.warden.policy.OptOutSignal;
import dev.warden.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

  private static final Policy POLICY = Policy.defaultPolicy();

  @Test
  void secGpcOneIsTheSignal() {
    assertThat(ConsentSignals.defaults().read("1", null)).containsExactly(OptOutSignal.GPC);
    assertThat(ConsentSignals.defaults().read(" 1 ", null)).containsExactly(OptOutSignal.GPC);
  }

  @ParameterizedTest(name = "Sec-GPC: ''{0}'' is no signal")
  @ValueSource(strings = {"0", "true", "", "yes", "1, 1", "01", "2"})
  void anyOtherValueIsIgnored(String value) {
    assertThat(ConsentSignals.defaults().read(value, null)).isEmpty();
  }

  @Test
  void doNotTrackIsOffUnlessTheHostOptsIn() {
    assertThat(ConsentSignals.defaults().read(null, "1")).isEmpty();
    assertThat(ConsentSignals.builder().honourDoNotTrack(true).build().read(null, "1"))
        .containsExactly(OptOutSignal.DO_NOT_TRACK);
    assertThat(ConsentSignals.builder().honourDoNotTrack(true).build().read("1", "0"))
        .containsExactly(OptOutSignal.GPC);
  }

  @Test
  void headersAreFoundCaseInsensitivelyAndConflictingRepeatsAreNoSignal() {
    assertThat(ConsentSignals.defaults().read(Map.of("sec-gpc", List.of("1")))).containsExactly(OptOutSignal.GPC);
    assertThat(ConsentSignals.defaults().read(Map.of("Sec-GPC", List.of("1", "0")))).isEmpty();
    assertThat(ConsentSignals.defaults().read(Map.of("Sec-GPC", List.of("1", "1")))).containsExactly(OptOutSignal.GPC);
  }

  @Test
  void consentModeBeforeAnyChoice() {
    ConsentMode m = ConsentMode.of(POLICY, ConsentState.defaults(POLICY));
    assertThat(m.gtag(ConsentMode.Command.DEFAULT, 500)).isEqualTo("gtag('consent', 'default', {"
        + "'ad_storage': 'denied', 'ad_user_data': 'denied', 'ad_personalization': 'denied', "
        + "'analytics_storage': 'denied', 'functionality_storage': 'granted', 'personalization_storage': 'granted', "
        + "'security_storage': 'granted', 'wait_for_update': 500});");
  }

  @Test
  void consentModeAfterAcceptingAll() {
    ConsentMode m = ConsentMode.of(POLICY, ConsentState.allGranted(POLICY));
    assertThat(m.types().values()).containsOnly(true);
    assertThat(m.gtag(ConsentMode.Command.UPDATE)).isEqualTo("gtag('consent', 'update', {"
        + "'ad_storage': 'granted', 'ad_user_data': 'granted', 'ad_personalization': 'granted', "
        + "'analytics_storage': 'granted', 'functionality_storage': 'granted', 'personalization_storage': 'granted', "
        + "'security_storage': 'granted'});");
  }

  @Test
  void gpcDeniesAdPersonalisationAndUserDataWhateverThePolicy() {
    // The default policy's advertising category honours GPC: all ad types are denied.
    ConsentMode withDefault = ConsentMode.of(POLICY, ConsentState.allGranted(POLICY).withSignals(Set.of(OptOutSignal.GPC)));
    assertThat(withDefault.granted(ConsentType.AD_STORAGE)).isFalse();
    assertThat(withDefault.granted(ConsentType.ANALYTICS_STORAGE)).isTrue();
    // A policy whose advertising ignores GPC still loses personalisation and user data.
    CookieCategory ads = POLICY.cookieCategory("advertising").orElseThrow();
    Policy noGpc = POLICY.toBuilder().putCookieCategory(new CookieCategory(ads.id(), ads.cookieClass(),
        ads.description(), ads.purposes(), ads.consentRequired(), ads.defaultState(), ads.maxLifetime(), Set.of(),
        ads.cookies())).build();
    ConsentMode m = ConsentMode.of(noGpc, ConsentState.allGranted(noGpc).withSignals(Set.of(OptOutSignal.GPC)));
    assertThat(m.granted(ConsentType.AD_STORAGE)).isTrue();
    assertThat(m.granted(ConsentType.AD_USER_DATA)).isFalse();
    assertThat(m.granted(ConsentType.AD_PERSONALIZATION)).isFalse();
  }

  @Test
  void consentModeNeedsEveryType() {
    assertThatThrownBy(() -> new ConsentMode(Map.of(ConsentType.AD_STORAGE, true)))
        .hasMessage("consent mode needs a value for every type; missing ad_user_data");
    assertThatThrownBy(() -> ConsentMode.of(POLICY, ConsentState.defaults(POLICY)).gtag(ConsentMode.Command.DEFAULT, -1))
        .hasMessage("waitForUpdateMillis must not be negative, got -1");
  }

  @Test
  void aPersonMayRefusePreferencesButNotNecessaryCookies() {
    ConsentState s = ConsentState.of(POLICY, Map.of("functional", false, "necessary", false));
    assertThat(s.allows(POLICY.cookieCategory("functional").orElseThrow())).isFalse();
    assertThat(s.allows(POLICY.cookieCategory("necessary").orElseThrow())).isTrue();
    assertThatThrownBy(() -> ConsentState.of(POLICY, Map.of("marketing", true)))
        .hasMessage("policy warden-default@2025-11-05 has no cookie category 'marketing'");
  }
}
