package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.image.ConceptCheck;
import dev.warden.moderation.image.ConceptHit;
import dev.warden.moderation.image.ConceptSet;
import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.HeadScore;
import dev.warden.moderation.image.ImageModerator;
import dev.warden.moderation.image.ImageResult;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.moderation.image.KnownMatch;
import dev.warden.moderation.image.OnnxHead;
import dev.warden.moderation.image.PairHit;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden image check} and {@code warden image index}. */
@Command(name = "image", mixinStandardHelpOptions = true,
    description = "Moderate image embeddings: concepts, known-content index, classifier heads.",
    subcommands = {ImageCommand.Check.class, ImageIndexCommand.class})
final class ImageCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: check, index");
  }

  static EmbeddingSpace space(String spec) {
    try {
      return EmbeddingSpace.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
    }
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check image embeddings (JSON Lines, {\"embedding\": [...]}) and write one JSON line"
          + " per input with verdict, concepts, known, head.")
  static final class Check implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Option(names = "--space", required = true, paramLabel = "S",
        description = "Embedding space: clip-vit-l-14, clip-vit-b-32, or name:dimension.")
    String space;

    @Option(names = "--concepts", paramLabel = "FILE", description = "Concept-set JSON file (docs/concept-sets.md).")
    Path concepts;

    @Option(names = "--index", paramLabel = "DIR", description = "Known-content index directory.")
    Path index;

    @Option(names = "--known-threshold", paramLabel = "T", defaultValue = "0.9",
        description = "Cosine similarity at which a known item matches (default: ${DEFAULT-VALUE}).")
    double knownThreshold;

    @Option(names = "--head", paramLabel = "FILE.onnx", description = "ONNX classifier head over the embedding.")
    Path head;

    @Option(names = "--head-category", paramLabel = "CATEGORY", defaultValue = "sexual",
        description = "Category the head detects (default: ${DEFAULT-VALUE}).")
    String headCategory;

    @Option(names = "--head-threshold", paramLabel = "T", defaultValue = "0.5",
        description = "Head score at which it fires (default: ${DEFAULT-VALUE}).")
    double headThreshold;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (default: the embedded default policy).")
    Path policy;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines input, or - for stdin.")
    Path input;

    @Override
    public Integer call() {
      EmbeddingSpace s = space(space);
      if (!Category.isValidId(headCategory)) {
        throw new CliFailure(Main.EXIT_USAGE, "--head-category: not a category id: '" + headCategory + "'");
      }
      if (index != null && !Files.isDirectory(index)) {
        throw new CliFailure(Main.EXIT_USAGE, "--index: no index directory at " + index);
      }
      ImageModerator.Builder b = ImageModerator.builder(s);
      KnownContentIndex idx = null;
      OnnxHead h = null;
      try {
        if (policy != null) {
          b.policy(Policy.load(policy));
        }
        if (concepts != null) {
          if (!Files.isReadable(concepts)) {
            throw new CliFailure(Main.EXIT_USAGE, "--concepts: cannot read " + concepts);
          }
          b.concepts(ConceptSet.load(concepts, s));
        }
        if (index != null) {
          idx = KnownContentIndex.builder(index).space(s).open();
          b.knownContent(idx, knownThreshold);
        }
        if (head != null) {
          h = OnnxHead.builder(head).space(s).build();
          b.head(h, Category.of(headCategory), Severity.HIGH, headThreshold);
        }
        ImageModerator m = b.build();
        PrintWriter out = spec.commandLine().getOut();
        int[] lineNo = {0};
        try (BufferedReader in = EmbeddingLines.open(input)) {
          for (EmbeddingLines.Line line = EmbeddingLines.next(in, input, lineNo); line != null;
              line = EmbeddingLines.next(in, input, lineNo)) {
            ImageResult r = m.moderate(EmbeddingLines.embedding(line, input, s));
            Output.line(out, json(r, line));
          }
        }
        return 0;
      } catch (ModerationException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
        throw new CliFailure(Main.EXIT_USAGE, Main.oneLine(e));
      } catch (IOException e) {
        throw new CliFailure(Main.EXIT_USAGE, "cannot read " + input + ": " + e.getMessage());
      } finally {
        if (h != null) {
          h.close();
        }
        if (idx != null) {
          idx.close();
        }
      }
    }

    private ObjectNode json(ImageResult r, EmbeddingLines.Line line) {
      ObjectNode o = Output.object();
      if (line.json().has("id")) {
        o.set("id", line.json().get("id"));
      }
      o.put("verdict", lower(r.verdict()));
      o.put("report", r.decision().reportRequired());
      ArrayNode cats = o.putArray("categories");
      for (CategoryScore c : r.decision().categories()) {
        cats.addObject().put("category", c.category().id()).put("severity", lower(c.severity()))
            .put("score", c.score()).put("action", lower(c.action()));
      }
      ConceptCheck cc = r.concepts();
      ArrayNode concepts = o.putArray("concepts");
      for (ConceptHit hit : cc.concepts()) {
        concept(concepts, hit, "concept");
      }
      for (ConceptHit hit : cc.specialCare()) {
        concept(concepts, hit, "special-care");
      }
      for (PairHit p : cc.pairs()) {
        concepts.addObject().put("id", p.pair().id()).put("kind", "contrastive")
            .put("category", p.pair().category().id())
            .put("appropriate", p.appropriateSimilarity()).put("inappropriate", p.inappropriateSimilarity())
            .put("score", p.score());
      }
      ArrayNode known = o.putArray("known");
      for (KnownMatch k : r.known()) {
        known.addObject().put("id", k.id()).put("similarity", k.similarity()).put("category", k.category().id());
      }
      if (r.heads().isEmpty()) {
        o.putNull("head");
      } else {
        HeadScore hs = r.heads().get(0);
        o.putObject("head").put("id", hs.headId()).put("category", hs.category().id())
            .put("score", hs.score()).put("threshold", hs.threshold()).put("fired", hs.fired());
      }
      o.put("policy", r.decision().policy().toString());
      return o;
    }

    private static void concept(ArrayNode a, ConceptHit h, String kind) {
      a.addObject().put("id", h.concept().id()).put("kind", kind).put("category", h.concept().category().id())
          .put("similarity", h.similarity()).put("threshold", h.threshold()).put("margin", h.margin())
          .put("score", h.score());
    }
  }
}
