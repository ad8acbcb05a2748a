package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.Submission;
import dev.warden.moderation.SubmissionDecision;
import dev.warden.moderation.TextPrompt;
import dev.warden.moderation.image.Concept;
import dev.warden.moderation.image.ConceptHit;
import dev.warden.moderation.image.ConceptSet;
import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.ImageModerator;
import dev.warden.moderation.image.ImageResult;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Random;

/**
 * Image moderation on synthetic embeddings: Warden ships no CLIP concept embeddings (they come from
 * the host's model), so the demo draws seeded random directions as stand-ins for a sexual concept
 * and a special-care concept, and three images around them.
 */
final class ImageDemo implements DemoSection {

  private static final EmbeddingSpace SPACE = EmbeddingSpace.CLIP_VIT_L_14;

  private record Sample(String label, ImageResult result) {}

  private final List<Sample> samples;
  private final SubmissionDecision submission;

  ImageDemo(Policy policy) {
    Random r = new Random(768);
    float[] nude = gaussian(r);
    float[] child = gaussian(r);
    ConceptSet set = ConceptSet.builder(SPACE)
        .specialCare(new Concept("synthetic-young-child", Category.SEXUAL_MINORS, Severity.CRITICAL, SPACE.embed(child), 0.30))
        .concept(new Concept("synthetic-nudity", Category.SEXUAL, Severity.HIGH, SPACE.embed(nude), 0.30))
        .build();
    ImageModerator m = ImageModerator.builder(SPACE).policy(policy).concepts(set).build();
    samples = List.of(
        new Sample("unrelated image", m.moderate(SPACE.embed(gaussian(r)))),
        new Sample("image near the nudity concept", m.moderate(SPACE.embed(mix(r, nude, null)))),
        new Sample("image near both concepts", m.moderate(SPACE.embed(mix(r, nude, child)))));
    // One call for a generation: the prompt and the image it made, decided together.
    ModerationEngine engine = ModerationEngine.builder().policy(policy).images(m).build();
    submission = engine.moderate(Submission.of(TextPrompt.of("a n.u.d.e figure study"), SPACE.embed(gaussian(r))));
  }

  private static float[] gaussian(Random r) {
    float[] v = new float[SPACE.dimension()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static float[] mix(Random r, float[] a, float[] b) {
    float[] noise = gaussian(r);
    float[] v = new float[noise.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = noise[i] + 0.8f * a[i] + (b == null ? 0 : 0.6f * b[i]);
    }
    return v;
  }

  @Override
  public String name() {
    return "image";
  }

  @Override
  public void printText(PrintWriter out) {
    out.println("Synthetic 768-dim embeddings (seeded stand-ins for CLIP ViT-L/14 vectors):");
    for (Sample s : samples) {
      ImageResult r = s.result();
      out.printf("  %-32s %-6s", s.label(), ImageCommand.lower(r.verdict()));
      for (ConceptHit h : r.concepts().concepts()) {
        out.printf(" concept %s (cos %.3f > %.3f)", h.concept().id(), h.similarity(), h.threshold());
      }
      for (ConceptHit h : r.concepts().specialCare()) {
        out.printf(" special-care %s (cos %.3f)", h.concept().id(), h.similarity());
      }
      if (r.decision().reportRequired()) {
        out.print(" -> report");
      }
      out.println();
    }
    out.printf("  %-32s %-6s image %s, prompt %s (%d rule match)%n", "prompt + unrelated image",
        ImageCommand.lower(submission.verdict()), ImageCommand.lower(submission.image().orElseThrow().verdict()),
        ImageCommand.lower(submission.text().orElseThrow().verdict()), submission.text().orElseThrow().matches().size());
  }

  @Override
  public JsonNode toJson() {
    ArrayNode a = Output.JSON.createArrayNode();
    for (Sample s : samples) {
      ObjectNode o = a.addObject().put("image", s.label()).put("verdict", ImageCommand.lower(s.result().verdict()))
          .put("report", s.result().decision().reportRequired())
          .put("policy", s.result().decision().policy().toString());
      ArrayNode c = o.putArray("concepts");
      for (ConceptHit h : s.result().concepts().concepts()) {
        c.addObject().put("id", h.concept().id()).put("similarity", h.similarity()).put("threshold", h.threshold());
      }
      for (ConceptHit h : s.result().concepts().specialCare()) {
        c.addObject().put("id", h.concept().id()).put("kind", "special-care").put("similarity", h.similarity());
      }
    }
    a.addObject().put("image", "prompt + unrelated image").put("verdict", ImageCommand.lower(submission.verdict()))
        .put("imageVerdict", ImageCommand.lower(submission.image().orElseThrow().verdict()))
        .put("textVerdict", ImageCommand.lower(submission.text().orElseThrow().verdict()))
        .put("policy", submission.policy().toString());
    return a;
  }
}
