package dev.warden.consent.retention;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.dsr.DataSubjectRequests;
import dev.warden.consent.ledger.ConsentStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceRegistrationTest {

  private final PersonalDataSource ledger = PersonalDataSource.consentLedger(ConsentStore.inMemory());

  @Test
  void aSecondSourceWithTheSameIdIsRefusedByBothBuilders() {
    assertThatThrownBy(() -> RetentionEngine.builder().source(ledger).source(ledger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two sources have the id '" + ledger.id() + "'");
    assertThatThrownBy(() -> DataSubjectRequests.builder().source(ledger).source(ledger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two sources have the id '" + ledger.id() + "'");
  }

  @Test
  void aMalformedIdIsNamedInTheError() {
    PersonalDataSource delegate = PersonalDataSource.consentLedger(ConsentStore.inMemory());
    for (String bad : new String[] {"", "Upper", "-leading", "a".repeat(65), "with space"}) {
      PersonalDataSource source = (PersonalDataSource) java.lang.reflect.Proxy.newProxyInstance(
          getClass().getClassLoader(), new Class<?>[] {PersonalDataSource.class},
          (proxy, method, args) -> method.getName().equals("id") ? bad : method.invoke(delegate, args));
      Map<String, PersonalDataSource> sources = new LinkedHashMap<>();
      assertThatThrownBy(() -> PersonalDataSource.addById(sources, source))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a source id is 1 to 64 characters of [a-z0-9-], got '" + bad + "'");
    }
  }
}
