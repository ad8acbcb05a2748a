package dev.warden.moderation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public reference data ({@code ../shared/data}): the {@code warden.shared.data} system
 * property, else the first {@code shared/data} found walking up from the working directory. Tests
 * that need it are skipped when it is absent.
 */
final class SharedData {

  private SharedData() {}

  /** The path of {@code relative} under the shared data directory; skips the test if absent. */
  static Path require(String relative) {
    Path base = locate();
    assumeTrue(base != null && Files.exists(base.resolve(relative)),
        "shared data not found (" + relative + "); set -Dwarden.shared.data");
    return base.resolve(relative);
  }

  private static Path locate() {
    String prop = System.getProperty("warden.shared.data");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
