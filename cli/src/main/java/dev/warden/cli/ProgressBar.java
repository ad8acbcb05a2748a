package dev.warden.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line progress bar on stderr, redrawn at most once per percent. */
final class ProgressBar {

  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final long total;
  private final boolean enabled;
  private long done;
  private long lastDrawn = -1;

  ProgressBar(PrintWriter err, long total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  /** Whether standard error is a terminal (Linux: fd 2 is a tty or pty). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  void step() {
    done++;
    if (!enabled) {
      return;
    }
    long unit = total > 0 ? Math.max(1, total / 100) : 1000;
    if (done - lastDrawn < unit && done != total) {
      return;
    }
    lastDrawn = done;
    if (total > 0) {
      int filled = (int) (WIDTH * done / total);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
          + (100 * done / total) + "% " + done + "/" + total);
    } else {
      err.print("\r" + done + " prompts");
    }
    err.flush();
  }

  void finish() {
    if (enabled && lastDrawn >= 0) {
      err.println();
      err.flush();
    }
  }
}
