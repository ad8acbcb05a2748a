package dev.warden.cli;

import dev.warden.moderation.Lexicon;
import dev.warden.moderation.LexiconException;
import dev.warden.moderation.ModerationEngine;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyValidationException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The policy and lexicon options of the moderation commands, and the engine they build. */
final class ModerationOptions {

  @Option(names = "--policy", paramLabel = "FILE",
      description = "Policy JSON whose content rules decide (default: the embedded default policy).")
  Path policy;

  @Option(names = "--lexicon", paramLabel = "FILE",
      description = "A lexicon file (docs/lexicon-format.md) added to the built-in ones; repeatable.")
  List<Path> lexicons = new ArrayList<>();

  @Option(names = "--no-builtin-lexicons",
      description = "Use only the --lexicon files, not the built-in lexicons.")
  boolean noBuiltIn;

  /** Builds the engine, turning unreadable or invalid files into usage errors. */
  ModerationEngine engine() {
    ModerationEngine.Builder b = ModerationEngine.builder();
    if (policy != null) {
      try {
        b.policy(PolicyCommand.load(policy));
      } catch (PolicyValidationException e) {
        throw new CliFailure(Main.EXIT_USAGE, policy + ": invalid policy: " + Main.oneLine(e));
      }
    }
    List<Lexicon> all = new ArrayList<>(noBuiltIn ? List.of() : Lexicon.builtIn());
    for (Path file : lexicons) {
      try {
        all.add(Lexicon.load(file));
      } catch (UncheckedIOException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      } catch (LexiconException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      }
    }
    if (all.isEmpty()) {
      throw new CliFailure(Main.EXIT_USAGE, "--no-builtin-lexicons needs at least one --lexicon FILE");
    }
    try {
      return b.lexicons(all).build();
    } catch (LexiconException e) {
      throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
    }
  }
}
