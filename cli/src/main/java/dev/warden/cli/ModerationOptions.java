package dev.warden.cli;

import dev.warden.moderation.Lexicon;
import dev.warden.moderation.LexiconException;
import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.StageMode;
import dev.warden.moderation.semantic.SemanticStage;
import dev.warden.moderation.semantic.TextHeads;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyValidationException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** When the semantic stage runs. */
  enum Semantic {
    OFF(StageMode.OFF), ALLOWED(StageMode.WHEN_ALLOWED), ALL(StageMode.EVERY_PROMPT);

    final StageMode mode;

    Semantic(StageMode mode) {
      this.mode = mode;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Option(names = "--semantic", paramLabel = "WHEN", defaultValue = "allowed",
      description = "The semantic stage (sentence embeddings and classification heads): off, allowed"
          + " (on prompts the rules let through) or all (default: ${DEFAULT-VALUE}).")
  Semantic semantic;

  @Option(names = "--heads", paramLabel = "FILE",
      description = "Classification heads of the semantic stage (docs/text-heads.md; default: the built-in heads).")
  Path heads;

  /** The semantic stage with the built-in encoder and heads, loaded once per process. */
  private static SemanticStage builtInStage;

  /** Builds the engine, turning unreadable or invalid files into usage errors. */
  ModerationEngine engine() {
    ModerationEngine.Builder b = ModerationEngine.builder();
    if (semantic != Semantic.OFF) {
      b.addStage(stage(), semantic.mode);
    }
    if (policy != null) {
      try {
        b.policy(PolicyCommand.loadValid(policy));
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

  private SemanticStage stage() {
    // The command line moderates one prompt at a time: a generous budget, so that a slow machine
    // does not turn into flags.
    Duration budget = Duration.ofSeconds(30);
    if (heads != null) {
      TextHeads h;
      try {
        h = TextHeads.load(heads);
      } catch (ModerationException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      }
      return SemanticStage.builder().heads(h).timeBudget(budget).build();
    }
    synchronized (ModerationOptions.class) {
      if (builtInStage == null) {
        builtInStage = SemanticStage.builder().timeBudget(budget).build();
      }
      return builtInStage;
    }
  }
}
