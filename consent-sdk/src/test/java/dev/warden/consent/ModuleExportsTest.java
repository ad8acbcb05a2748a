package dev.warden.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the module's exported packages: internals must not leak into the API by accident. */
class ModuleExportsTest {

  @Test
  void exportsOnlyTheApiPackages() {
    Module m = ConsentException.class.getModule();
    assertThat(m.isNamed()).as("tests run on the module path").isTrue();
    assertThat(m.getName()).isEqualTo("dev.warden.consent");
    Map<String, Set<String>> exports = m.getDescriptor().exports().stream()
        .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
    assertThat(exports).isEqualTo(Map.of(
        "dev.warden.consent", Set.of(),
        "dev.warden.consent.tcf", Set.of(),
        "dev.warden.consent.gpp", Set.of(),
        "dev.warden.consent.cookie", Set.of(),
        "dev.warden.consent.gate", Set.of(),
        "dev.warden.consent.ledger", Set.of(),
        "dev.warden.consent.signal", Set.of(),
        "dev.warden.consent.retention", Set.of(),
        "dev.warden.consent.dsr", Set.of()));
  }
}
