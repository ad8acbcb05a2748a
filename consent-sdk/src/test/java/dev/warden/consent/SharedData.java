package dev.warden.consent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public reference data ({@code ../shared/data}) for tests: the system property
 * {@code warden.shared.data} (set by surefire), else {@code shared/data} found walking up from the
 * working directory. Tests that need it are skipped when it is absent.
 */
public final class SharedData {

  private SharedData() {}

  /** The path of a shared data file; skips the calling test when it is not there. */
  public static Path require(String relative) {
    Path root = root();
    assumeTrue(root != null, "shared data directory not found; skipping a test that needs " + relative);
    Path p = root.resolve(relative);
    assumeTrue(Files.isRegularFile(p), "shared data file missing: " + p);
    return p;
  }

  static Path root() {
    String prop = System.getProperty("warden.shared.data");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
