package dev.warden.consent.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store directory's layout: {@code CURRENT} names the live generation, each generation is a
 * {@code gen-<n>} directory with {@code snapshot.jsonl} and a {@code journal} directory.
 * {@code CURRENT} is replaced atomically, so a crash while starting a generation leaves the old one
 * live and the half-made one is deleted on the next open.
 */
final class Generations {

  private static final Logger LOG = LoggerFactory.getLogger(Generations.class);
  static final String CURRENT = "CURRENT";
  private static final Pattern GEN = Pattern.compile("gen-(\\d{8,19})");

  /** The live generation found or created. */
  record Opened(long generation, boolean created) {}

  private Generations() {}

  static Path genDir(Path dir, long gen) {
    return dir.resolve(String.format(Locale.ROOT, "gen-%08d", gen));
  }

  static Path snapshot(Path dir, long gen) {
    return genDir(dir, gen).resolve(SnapshotFile.NAME);
  }

  static Path journal(Path dir, long gen) {
    return genDir(dir, gen).resolve("journal");
  }

  static Opened openCurrent(Path dir, Clock clock) throws IOException {
    Files.createDirectories(dir);
    Path current = dir.resolve(CURRENT);
    if (Files.exists(current)) {
      String text = Files.readString(current, StandardCharsets.US_ASCII).strip();
      Matcher m = GEN.matcher(text);
      if (!m.matches()) {
        throw new ConsentStoreException(current, "does not name a generation (expected gen-<number>, got '"
            + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "')");
      }
      long gen = Long.parseLong(m.group(1));
      if (!Files.isRegularFile(snapshot(dir, gen))) {
        throw new ConsentStoreException(snapshot(dir, gen), "the current generation's snapshot is missing");
      }
      return new Opened(gen, false);
    }
    if (!generations(dir).isEmpty()) {
      // Only the first generation is made before CURRENT exists, and nothing is appended to it
      // before CURRENT is written: what is there is the remains of a crash while creating the store.
      LOG.warn("consent store {}: no CURRENT file; discarding an unfinished first generation", dir);
      for (long g : generations(dir)) {
        delete(dir, g);
      }
    }
    Path gen = prepare(dir, 1);
    SnapshotFile.write(gen, 1, clock.instant(), "", List.of(), List.of(), 0, 0);
    makeCurrent(dir, 1);
    return new Opened(1, true);
  }

  /** Creates an empty directory for a generation, removing the remains of an unfinished one. */
  static Path prepare(Path dir, long gen) throws IOException {
    Path g = genDir(dir, gen);
    if (Files.exists(g)) {
      deleteTree(g);
    }
    Files.createDirectories(g);
    return g;
  }

  static void makeCurrent(Path dir, long gen) throws IOException {
    Path tmp = dir.resolve(CURRENT + ".tmp");
    Files.writeString(tmp, genDir(dir, gen).getFileName() + "\n", StandardCharsets.US_ASCII);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("cannot force directory {}: {}", dir, e.toString());
    }
  }

  static List<Long> generations(Path dir) throws IOException {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> {
        Matcher m = GEN.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          out.add(Long.parseLong(m.group(1)));
        }
      });
    }
    out.sort(null);
    return out;
  }

  static void deleteOthers(Path dir, long keep) throws IOException {
    for (long g : generations(dir)) {
      if (g != keep) {
        delete(dir, g);
      }
    }
  }

  static void delete(Path dir, long gen) throws IOException {
    deleteTree(genDir(dir, gen));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> s = Files.walk(root)) {
      paths = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      try {
        Files.delete(p);
      } catch (NoSuchFileException e) {
        // already gone
      }
    }
  }
}
