package dev.warden.moderation;

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
    Module m = ModerationException.class.getModule();
    assertThat(m.isNamed()).as("tests run on the module path").isTrue();
    assertThat(m.getName()).isEqualTo("dev.warden.moderation");
    Map<String, Set<String>> exports = m.getDescriptor().exports().stream()
        .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
    assertThat(exports).isEqualTo(Map.of(
        "dev.warden.moderation", Set.of(),
        "dev.warden.moderation.image", Set.of(),
        "dev.warden.moderation.enforcement", Set.of(),
        "dev.warden.moderation.semantic", Set.of()));
  }
}
