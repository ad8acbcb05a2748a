package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.moderation.enforcement.EnforcementLedger;
import dev.warden.moderation.enforcement.EnforcementStore;
import dev.warden.moderation.enforcement.EvidenceHash;
import dev.warden.moderation.enforcement.Report;
import dev.warden.moderation.enforcement.Standing;
import dev.warden.moderation.image.ClassifierHead;
import dev.warden.moderation.image.Concept;
import dev.warden.moderation.image.ConceptSet;
import dev.warden.moderation.image.EmbeddingSpace;
import dev.warden.moderation.image.ImageEmbedding;
import dev.warden.moderation.image.ImageModerator;
import dev.warden.moderation.image.ImageResult;
import dev.warden.policy.ContentRule;
import dev.warden.policy.EnforcementAction;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonymizer;
import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubmissionModerationTest {

  private static final EmbeddingSpace S = EmbeddingSpace.CLIP_VIT_L_14;
  private static final Pseudonymizer PSEUDONYMS =
      Pseudonymizer.withKey("a test key of 32 bytes, no more.".getBytes(StandardCharsets.UTF_8));
  private static final ModerationEngine TEXT_ONLY = Engines.DEFAULT;

  /** Axis 0 is "nude", axis 1 "young child"; thresholds 0.5 as in a safety-checker-style set. */
  private static ConceptSet concepts() {
    return ConceptSet.builder(S)
        .specialCare(new Concept("young child", Category.SEXUAL_MINORS, Severity.CRITICAL, S.embed(axis(1)), 0.5))
        .concept(new Concept("nude", Category.SEXUAL, Severity.HIGH, S.embed(axis(0)), 0.5))
        .build();
  }

  private static float[] axis(int i) {
    float[] v = new float[S.dimension()];
    v[i] = 1;
    return v;
  }

  /** A unit image with cosine {@code w0} to axis 0 and {@code w1} to axis 1, the rest noise. */
  private static ImageEmbedding image(Random r, double w0, double w1) {
    float[] v = new float[S.dimension()];
    double n = 0;
    for (int i = 2; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
      n += v[i] * v[i];
    }
    double rest = Math.sqrt(Math.max(0, 1 - w0 * w0 - w1 * w1) / n);
    for (int i = 2; i < v.length; i++) {
      v[i] *= (float) rest;
    }
    v[0] = (float) w0;
    v[1] = (float) w1;
    return S.embed(v);
  }

  private static ModerationEngine.Builder withImages() {
    return TEXT_ONLY.toBuilder().images(ImageModerator.builder(S).concepts(concepts()).build());
  }

  @Test
  void aSubmissionGetsOneDecisionOverItsPromptAndItsImage() {
    ModerationEngine engine = withImages().build();
    ImageEmbedding nude = image(new Random(1), 0.8, 0);
    SubmissionDecision d = engine.moderate(Submission.of(TextPrompt.of("a calm lake at dawn"), nude));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.text()).get().satisfies(t -> assertThat(t.verdict()).isEqualTo(Verdict.ALLOW));
    assertThat(d.image()).get().satisfies(i -> {
      assertThat(i.concepts().concepts()).extracting(h -> h.concept().id()).containsExactly("nude");
      assertThat(i.concepts().concepts().get(0).similarity()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-5));
    });
    assertThat(d.findings()).extracting(f -> f.reason().kind()).containsExactly("concept");
    assertThat(d.policy()).isEqualTo(engine.policy().ref());
    assertThat(d.enforcement()).isEmpty();
  }

  @Test
  void aHarmfulPromptBlocksASubmissionWhoseImageIsClean() {
    ModerationEngine engine = withImages().build();
    SubmissionDecision d = engine.moderate(Submission.of(TextPrompt.of("a nude figure"), image(new Random(2), 0.1, 0)));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.image()).get().satisfies(i -> assertThat(i.verdict()).isEqualTo(Verdict.ALLOW));
    assertThat(d.text().orElseThrow().matches()).isNotEmpty();
    assertThat(d.categories()).extracting(c -> c.category()).containsExactly(Category.SEXUAL);
  }

  @Test
  void theNegativePromptNeverCountsAsARequest() {
    ModerationEngine engine = withImages().build();
    TextPrompt p = TextPrompt.of("a portrait in oil").withNegativePrompt("nsfw, nude, lowres");
    SubmissionDecision d = engine.moderate(Submission.of(p, image(new Random(3), 0.1, 0)));
    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(d.findings()).isEmpty();
  }

  @Test
  void anImageAloneGoesThroughTheSameModerationAsTheEngineImageCall() {
    ModerationEngine engine = withImages().build();
    ImageEmbedding img = image(new Random(4), 0.7, 0.55);
    ImageResult direct = engine.moderate(img);
    SubmissionDecision d = engine.moderate(Submission.of(img));
    assertThat(d.image()).contains(direct);
    assertThat(d.text()).isEmpty();
    assertThat(d.decision()).isEqualTo(direct.decision());
    assertThat(direct.decision().reportRequired()).isTrue();
    assertThat(engine.moderateImages(List.of(img, img))).containsExactly(direct, direct);
  }

  @Test
  void anEngineWithoutImageModerationSaysSoWhenGivenAnImage() {
    ImageEmbedding img = image(new Random(5), 0, 0);
    assertThatThrownBy(() -> TEXT_ONLY.moderate(img)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("this engine moderates no images");
    assertThatThrownBy(() -> TEXT_ONLY.moderate(Submission.of(img))).isInstanceOf(IllegalStateException.class);
    assertThat(TEXT_ONLY.moderate(Submission.of(TextPrompt.of("a cat"))).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(TEXT_ONLY.imageModerator()).isEmpty();
  }

  @Test
  void imagePartsPlugIntoTheEngineBuilderAndMustShareOneSpace() {
    ModerationEngine engine = TEXT_ONLY.toBuilder().imageConcepts(concepts())
        .imageHead(S, new FirstComponentHead(new AtomicInteger()), Category.VIOLENCE, Severity.MEDIUM, 0.9).build();
    ImageResult r = engine.moderate(image(new Random(6), 0.95, 0));
    assertThat(r.heads()).singleElement().satisfies(h -> assertThat(h.fired()).isTrue());
    assertThat(r.decision().categories()).extracting(c -> c.category())
        .containsExactlyInAnyOrder(Category.SEXUAL, Category.VIOLENCE);
    assertThatThrownBy(() -> ModerationEngine.builder().imageConcepts(concepts())
        .imageHead(EmbeddingSpace.CLIP_VIT_B_32, new FirstComponentHead(new AtomicInteger()), Category.SEXUAL, Severity.LOW, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image moderation is of space clip-vit-l-14(768), not clip-vit-b-32(512)");
  }

  @Test
  void aBlockedSubmissionWithAnAccountFeedsTheLedgerUnderItsPseudonym() {
    List<Report> reports = new CopyOnWriteArrayList<>();
    EnforcementLedger ledger = EnforcementLedger.builder().store(EnforcementStore.inMemory())
        .reportSink(reports::add).clock(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC)).build();
    ModerationEngine engine = withImages().enforcement(ledger, PSEUDONYMS).build();
    Random r = new Random(7);

    SubmissionDecision clean = engine.moderate(Submission.of(TextPrompt.of("a red bicycle"), image(r, 0.1, 0))
        .withAccountId("alice@example.com"));
    assertThat(clean.enforcement()).isEmpty();
    SubmissionDecision anonymous = engine.moderate(Submission.of(image(r, 0.8, 0)));
    assertThat(anonymous.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(anonymous.enforcement()).isEmpty();

    SubmissionDecision first = engine.moderate(Submission.of(TextPrompt.of("a nude").withAccountId("alice@example.com")));
    assertThat(first.enforcement()).get().satisfies(o -> {
      assertThat(o.account()).isEqualTo(PSEUDONYMS.pseudonym("alice@example.com"));
      assertThat(o.action()).contains(EnforcementAction.WARN);
      assertThat(o.violationsInWindow()).isEqualTo(1);
      assertThat(o.report()).isEmpty();
    });
    ImageEmbedding minors = image(r, 0.7, 0.55);
    SubmissionDecision zero = engine.moderate(Submission.of(minors).withAccountId("alice@example.com"));
    assertThat(zero.enforcement()).get().satisfies(o -> {
      assertThat(o.standing()).isEqualTo(Standing.TERMINATED);
      assertThat(o.report()).get().satisfies(rep -> {
        assertThat(rep.category()).isEqualTo(Category.SEXUAL_MINORS);
        assertThat(rep.evidence()).isEqualTo(EvidenceHash.of(minors));
      });
    });
    assertThat(reports).hasSize(1);
    assertThat(ledger.status(PSEUDONYMS.pseudonym("alice@example.com")).maySubmit()).isFalse();
  }

  @Test
  void theHostsEvidenceHashIsWhatTheRecordCites() {
    List<Report> reports = new CopyOnWriteArrayList<>();
    EnforcementLedger ledger = EnforcementLedger.builder().reportSink(reports::add).build();
    ModerationEngine engine = withImages().enforcement(ledger, PSEUDONYMS).build();
    EvidenceHash fileHash = EvidenceHash.of("the image file's bytes".getBytes(StandardCharsets.UTF_8));
    SubmissionDecision d = engine.moderate(Submission.of(image(new Random(8), 0.7, 0.55))
        .withAccountId("bob").withEvidence(fileHash));
    assertThat(d.enforcement().orElseThrow().report().orElseThrow().evidence()).isEqualTo(fileHash);
    SubmissionDecision text = engine.moderate(Submission.of(TextPrompt.of("nude").withAccountId("carol")));
    assertThat(text.enforcement()).isPresent();
    assertThat(ledger.status(PSEUDONYMS.pseudonym("carol")).violationsInWindow()).isEqualTo(1);
  }

  /** A head that scores the first component and counts its calls. */
  private record FirstComponentHead(AtomicInteger calls) implements ClassifierHead {
    @Override
    public String id() {
      return "first";
    }

    @Override
    public int dimension() {
      return S.dimension();
    }

    @Override
    public float[] score(float[][] batch) {
      calls.incrementAndGet();
      float[] out = new float[batch.length];
      for (int i = 0; i < batch.length; i++) {
        out[i] = Math.max(0, batch[i][0]);
      }
      return out;
    }
  }

  @Test
  void aBatchOfRandomSubmissionsIsDecidedAsOneByOneWithEachHeadRunOnce() {
    AtomicInteger calls = new AtomicInteger();
    ModerationEngine engine = withImages()
        .imageHead(S, new FirstComponentHead(calls), Category.SEXUAL, Severity.MEDIUM, 0.75).build();
    String[] prompts = {"a lighthouse", "nude beach", "a quiet street", "naked", "a bowl of fruit"};
    Random r = new Random(20260501);
    List<Submission> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ImageEmbedding img = image(r, r.nextDouble() * 0.9, r.nextDouble() * 0.3);
      batch.add(switch (r.nextInt(3)) {
        case 0 -> Submission.of(TextPrompt.of(prompts[r.nextInt(prompts.length)]));
        case 1 -> Submission.of(img);
        default -> Submission.of(TextPrompt.of(prompts[r.nextInt(prompts.length)]), img);
      });
    }
    List<SubmissionDecision> together = engine.moderateSubmissions(batch);
    assertThat(calls).hasValue(1);
    for (int i = 0; i < batch.size(); i++) {
      assertThat(engine.moderate(batch.get(i))).as("submission %d", i).isEqualTo(together.get(i));
    }
    assertThat(together).extracting(SubmissionDecision::verdict).contains(Verdict.ALLOW, Verdict.BLOCK);
  }

  @Test
  void reloadChangesTheTextImageAndEnforcementRulesAtOnceUnderEightThreads() throws Exception {
    Policy blocking = Policy.defaultPolicy();
    Policy flagging = blocking.toBuilder().putContentRule(ContentRule.uniform(Category.SEXUAL, Action.FLAG))
        .version("flagging").build();
    ModerationEngine engine = withImages().policy(blocking).build();
    // The image alone decides (the prompt is harmless); the text result must agree on the policy.
    Submission sub = Submission.of(TextPrompt.of("a calm lake"), image(new Random(9), 0.8, 0));
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
    AtomicInteger seenBlock = new AtomicInteger();
    AtomicInteger seenFlag = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(8);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        started.countDown();
        while (!stop.get()) {
          SubmissionDecision d = engine.moderate(sub);
          boolean samePolicy = d.policy().equals(d.image().orElseThrow().decision().policy())
              && d.policy().equals(d.text().orElseThrow().policy());
          boolean a = d.policy().equals(blocking.ref()) && d.verdict() == Verdict.BLOCK
              && d.image().orElseThrow().verdict() == Verdict.BLOCK;
          boolean b = d.policy().version().equals("flagging") && d.verdict() == Verdict.FLAG
              && d.image().orElseThrow().verdict() == Verdict.FLAG;
          if (samePolicy && a) {
            seenBlock.incrementAndGet();
          } else if (samePolicy && b) {
            seenFlag.incrementAndGet();
          } else {
            mixed.add(d.policy() + " " + d.verdict() + " image " + d.image().orElseThrow().decision().policy());
          }
        }
      });
      th.start();
      threads.add(th);
    }
    started.await();
    for (int i = 0; i < 10; i++) {
      engine.reload(flagging);
      Thread.sleep(5);
      engine.reload(blocking);
      Thread.sleep(5);
    }
    stop.set(true);
    for (Thread th : threads) {
      th.join();
    }
    assertThat(mixed).isEmpty();
    assertThat(seenBlock.get()).isPositive();
    assertThat(seenFlag.get()).isPositive();
    assertThat(engine.imageModerator().orElseThrow().policy()).isSameAs(blocking);
  }

  @Test
  void reloadImagesSwapsTheConceptsAndKeepsThePolicyAndTheSpace() {
    ModerationEngine engine = withImages().build();
    ImageEmbedding img = image(new Random(10), 0.8, 0);
    assertThat(engine.moderate(img).verdict()).isEqualTo(Verdict.BLOCK);
    engine.reloadImages(ImageModerator.builder(S).build());
    assertThat(engine.moderate(img).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(engine.imageModerator().orElseThrow().policy()).isSameAs(engine.policy());
    assertThatThrownBy(() -> engine.reloadImages(ImageModerator.builder(EmbeddingSpace.CLIP_VIT_B_32).build()))
        .hasMessage("the engine moderates images of space clip-vit-l-14(768), not clip-vit-b-32(512)");
    ModerationEngine copy = engine.toBuilder().build();
    assertThat(copy.moderate(img).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void aSubmissionNeedsSomethingToModerateAndOneAccount() {
    assertThatThrownBy(() -> new Submission(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
        .hasMessage("a submission needs a prompt, an image embedding or both");
    TextPrompt p = TextPrompt.of("secret prompt text").withAccountId("alice");
    assertThat(Submission.of(p).accountId()).contains("alice");
    assertThatThrownBy(() -> Submission.of(p).withAccountId("mallory"))
        .hasMessage("the submission's account differs from its prompt's account");
    assertThatThrownBy(() -> Submission.of(TextPrompt.of("x")).withAccountId(" "))
        .hasMessage("account id must not be blank");
    assertThat(Submission.of(p).toString()).doesNotContain("secret").doesNotContain("alice");
  }
}
