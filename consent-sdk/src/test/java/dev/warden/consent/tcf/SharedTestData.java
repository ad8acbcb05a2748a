package dev.warden.consent.tcf;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public reference data ({@code ../shared/data}): the {@code warden.shared.data} system
 * property (surefire sets it), else the first {@code shared/data} found walking up from the
 * working directory. Tests skip themselves when it returns null.
 */
public final class SharedTestData {

  private SharedTestData() {}

  /** The shared data directory, or null when this machine does not have it. */
  public static Path sharedData() {
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
