package dev.warden.moderation.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the public reference data under {@code shared/data}; tests that need it skip without it. */
final class SharedData {

  private SharedData() {}

  /** The file at {@code relative} under the shared data directory; skips the test if absent. */
  static Path file(String relative) {
    Path root = root();
    assumeTrue(root != null && Files.isReadable(root.resolve(relative)),
        "shared data not found (set -Dwarden.shared.data): " + relative);
    return root.resolve(relative);
  }

  private static Path root() {
    String prop = System.getProperty("warden.shared.data");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/data"))) {
        return p.resolve("shared/data");
      }
    }
    return null;
  }
}
