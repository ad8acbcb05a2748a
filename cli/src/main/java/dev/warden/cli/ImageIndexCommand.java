package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.moderation.image.KnownItem;
import dev.warden.moderation.image.KnownMatch;
import dev.warden.moderation.image.VectorQuantization;
import dev.warden.policy.decision.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden image index add} and {@code warden image index match}. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Manage and query a known-content index of image embeddings.",
    subcommands = {ImageIndexCommand.Add.class, ImageIndexCommand.Match.class})
final class ImageIndexCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add, match");
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add items (JSON Lines with id, embedding, category) to the index, creating it if"
          + " needed; an existing id is replaced.")
  static final class Add implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
    Path index;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines input, or - for stdin.")
    Path input;

    @Option(names = "--space", paramLabel = "S", description = "Space of a new index (default: the built-in"
        + " space of the first embedding's dimension); must match an existing index.")
    String space;

    @Option(names = "--int8", description = "Create the index with int8-quantized vectors.")
    boolean int8;

    @Override
    public Integer call() {
      boolean exists = Files.isDirectory(index) && hasFiles(index);
      int[] lineNo = {0};
      try (BufferedReader in = EmbeddingLines.open(input)) {
        List<EmbeddingLines.Line> lines = new ArrayList<>();
        for (EmbeddingLines.Line l = EmbeddingLines.next(in, input, lineNo); l != null; l = EmbeddingLines.next(in, input, lineNo)) {
          lines.add(l);
        }
        KnownContentIndex.Builder b = KnownContentIndex.builder(index);
        if (space != null) {
          b.space(ImageCommand.space(space));
        } else if (!exists) {
          if (lines.isEmpty()) {
            throw new CliFailure(Main.EXIT_USAGE, "a new index needs --space or at least one item");
          }
          b.space(guess(lines.get(0)));
        }
        if (int8) {
          b.quantization(VectorQuantization.INT8);
        }
        try (KnownContentIndex idx = b.open()) {
          EmbeddingSpace s = idx.space();
          List<KnownItem> items = new ArrayList<>(lines.size());
          for (EmbeddingLines.Line l : lines) {
            String cat = EmbeddingLines.text(l, input, "category");
            if (!Category.isValidId(cat)) {
              throw EmbeddingLines.fail(input, l.number(), "category '" + cat + "' is not a category id");
            }
            items.add(new KnownItem(EmbeddingLines.text(l, input, "id"), Category.of(cat),
                EmbeddingLines.embedding(l, input, s)));
          }
          idx.addAll(items);
          idx.commit();
          PrintWriter out = spec.commandLine().getOut();
          if (output.json) {
            Output.line(out, Output.object().put("added", items.size()).put("size", idx.size())
                .put("space", s.name()).put("dimension", s.dimension()));
          } else {
            out.println("added " + items.size() + " items; " + index + " holds " + idx.size()
                + " items of space " + s);
          }
        }
        return 0;
      } catch (ModerationException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      } catch (IOException e) {
        throw new CliFailure(Main.EXIT_USAGE, "cannot read " + input + ": " + e.getMessage());
      }
    }

    private EmbeddingSpace guess(EmbeddingLines.Line first) {
      int dim = first.json().has("embedding") ? first.json().get("embedding").size() : 0;
      for (EmbeddingSpace s : EmbeddingSpace.BUILT_IN) {
        if (s.dimension() == dim) {
          return s;
        }
      }
      throw new CliFailure(Main.EXIT_USAGE, "no built-in space has " + dim
          + " dimensions: give --space name:" + dim);
    }

    private static boolean hasFiles(Path dir) {
      try (var s = Files.list(dir)) {
        return s.findAny().isPresent();
      } catch (IOException e) {
        return false;
      }
    }
  }

  @Command(name = "match", mixinStandardHelpOptions = true,
      description = "Match embeddings (JSON Lines, {\"embedding\": [...]}) against the index: one JSON line"
          + " per query, in order, {\"matches\": [{\"id\", \"similarity\", \"category\"}]}, most similar first.")
  static final class Match implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
    Path index;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines input, or - for stdin.")
    Path input;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.9",
        description = "Only matches whose cosine similarity is at least T (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10",
        description = "At most K matches per query (default: ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() {
      if (!Files.isDirectory(index)) {
        throw new CliFailure(Main.EXIT_USAGE, "--index: no index directory at " + index);
      }
      if (k < 1 || k > 10_000) {
        throw new CliFailure(Main.EXIT_USAGE, "--k must be 1 to 10000, got " + k);
      }
      if (!(threshold >= -1 && threshold <= 1)) {
        throw new CliFailure(Main.EXIT_USAGE, "--threshold must be a cosine similarity in [-1, 1], got " + threshold);
      }
      int[] lineNo = {0};
      try (KnownContentIndex idx = KnownContentIndex.builder(index).open();
          BufferedReader in = EmbeddingLines.open(input)) {
        PrintWriter out = spec.commandLine().getOut();
        for (EmbeddingLines.Line l = EmbeddingLines.next(in, input, lineNo); l != null; l = EmbeddingLines.next(in, input, lineNo)) {
          List<KnownMatch> ms = idx.match(EmbeddingLines.embedding(l, input, idx.space()), k, threshold);
          ObjectNode o = Output.object();
          ArrayNode a = o.putArray("matches");
          for (KnownMatch m : ms) {
            a.addObject().put("id", m.id()).put("similarity", m.similarity()).put("category", m.category().id());
          }
          Output.line(out, o);
        }
        return 0;
      } catch (ModerationException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      } catch (IOException e) {
        throw new CliFailure(Main.EXIT_USAGE, "cannot read " + input + ": " + e.getMessage());
      }
    }
  }
}
