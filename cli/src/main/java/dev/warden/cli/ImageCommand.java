package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.PromptField;
import dev.warden.moderation.Submission;
import dev.warden.moderation.SubmissionDecision;
import dev.warden.moderation.TextDecision;
import dev.warden.moderation.TextMatch;
import dev.warden.moderation.TextPrompt;
import dev.warden.moderation.image.ConceptCheck;
import dev.warden.moderation.image.ConceptHit;
import dev.warden.moderation.image.ConceptSet;
import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.HeadScore;
import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.ImageModerator;
import dev.warden.moderation.image.ImageResult;
import dev.warden.moderation.image.KnownContentIndex;
import dev.warden.moderation.image.KnownMatch;
import dev.warden.moderation.image.OnnxHead;
import dev.warden.moderation.image.PairHit;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
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
      description = "Check image embeddings (JSON Lines, {\"embedding\": [...]}, optionally with the"
          + " \"prompt\" and \"negativePrompt\" that made the image) and write one JSON line per input"
          + " with verdict, concepts, known, head, and text when a prompt was given; the verdict is the"
          + " policy's over the image and its prompt together.")
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
          b.policy(PolicyCommand.loadValid(policy));
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
        // Built at the first line with a prompt: compiling the lexicons takes about a second.
        ModerationEngine engine = null;
        PrintWriter out = spec.commandLine().getOut();
        int[] lineNo = {0};
        try (BufferedReader in = EmbeddingLines.open(input)) {
          for (EmbeddingLines.Line line = EmbeddingLines.next(in, input, lineNo); line != null;
              line = EmbeddingLines.next(in, input, lineNo)) {
            ImageEmbedding e = EmbeddingLines.embedding(line, input, s);
            Optional<TextPrompt> prompt = EmbeddingLines.prompt(line, input);
            if (prompt.isEmpty()) {
              ImageResult r = m.moderate(e);
              Output.line(out, json(r.decision(), r, null, line));
            } else {
              if (engine == null) {
                engine = ModerationEngine.builder().policy(m.policy()).images(m).build();
              }
              SubmissionDecision d = engine.moderate(Submission.of(prompt.get(), e));
              Output.line(out, json(d.decision(), d.image().orElseThrow(), d.text().orElseThrow(), line));
            }
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

    /** {@code decision} is the image's, or the image's and its prompt's together. */
    private ObjectNode json(Decision decision, ImageResult r, TextDecision text, EmbeddingLines.Line line) {
      ObjectNode o = Output.object();
      if (line.json().has("id")) {
        o.set("id", line.json().get("id"));
      }
      o.put("verdict", lower(decision.verdict()));
      o.put("report", decision.reportRequired());
      ArrayNode cats = o.putArray("categories");
      for (CategoryScore c : decision.categories()) {
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
      if (text != null) {
        ObjectNode t = o.putObject("text").put("verdict", lower(text.verdict()));
        ArrayNode matches = t.putArray("matches");
        for (TextMatch tm : text.matches()) {
          ObjectNode mo = matches.addObject().put("start", tm.start()).put("end", tm.end())
              .put("category", tm.category().id()).put("rule", tm.ruleId());
          if (tm.field() == PromptField.NEGATIVE_PROMPT) {
            mo.put("field", "negativePrompt");
          }
        }
        t.put("language", text.language());
      }
      o.put("policy", decision.policy().toString());
      return o;
    }

    private static void concept(ArrayNode a, ConceptHit h, String kind) {
      a.addObject().put("id", h.concept().id()).put("kind", kind).put("category", h.concept().category().id())
          .put("similarity", h.similarity()).put("threshold", h.threshold()).put("margin", h.margin())
          .put("score", h.score());
    }
  }
}
