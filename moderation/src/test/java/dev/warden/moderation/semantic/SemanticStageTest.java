package dev.warden.moderation.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.StageMode;
import dev.warden.moderation.TextDecision;
import dev.warden.moderation.TextPrompt;
import dev.warden.policy.ContentRule;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The semantic stage with a test encoder: batching, cache, time budget, and the engine around it. */
class SemanticStageTest {

  /** One head that fires on prompts about "zorbium" (cosine to that word's vector above 0.3). */
  static TextHeads nudeHeads() {
    float[] w = FakeEncoder.vector("zorbium");
    for (int i = 0; i < w.length; i++) {
      w[i] *= 20;
    }
    TextHead h = new TextHead.Logistic("semantic.sexual", Category.SEXUAL, Severity.MEDIUM, w, -6.0, Optional.empty());
    return new TextHeads("fake", FakeEncoder.DIMENSION, List.of(h), Map.of());
  }

  private static double expectedScore(String prompt) {
    return nudeHeads().heads().get(0).score(FakeEncoder.vector(new FakeEncoder().cacheKey(prompt)));
  }

  @Test
  void aHeadThatFiresExplainsItselfWithItsIdScoreAndThreshold() {
    FakeEncoder enc = new FakeEncoder();
    try (SemanticStage stage = SemanticStage.builder().encoder(enc).heads(nudeHeads()).build()) {
      ModerationEngine engine = ModerationEngine.builder().addStage(stage, StageMode.WHEN_ALLOWED).build();
      TextDecision d = engine.moderate(TextPrompt.of("a zorbium figure"));
      assertThat(d.verdict()).isEqualTo(Verdict.BLOCK); // sexual, medium: block under the default policy
      Finding f = d.findings().get(0);
      assertThat(f.category()).isEqualTo(Category.SEXUAL);
      assertThat(f.reason()).isInstanceOfSatisfying(Reason.Model.class, m -> {
        assertThat(m.modelId()).isEqualTo("semantic.sexual");
        assertThat(m.score()).isCloseTo(expectedScore("a zorbium figure"), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.threshold()).isEqualTo(0.5);
      });
      assertThat(engine.moderate(TextPrompt.of("a lighthouse at dusk")).verdict()).isEqualTo(Verdict.ALLOW);
    }
  }

  @Test
  void thePolicyThresholdOfTheCategoryDecidesWhetherAHeadCounts() {
    FakeEncoder enc = new FakeEncoder();
    double s = expectedScore("a zorbium figure");
    Policy strict = Policy.defaultPolicy().toBuilder()
        .putContentRule(new ContentRule(Category.SEXUAL, ContentRule.uniform(Category.SEXUAL, Action.BLOCK).actions(),
            Math.min(1, s + 0.01)))
        .version("strict").build();
    try (SemanticStage stage = SemanticStage.builder().encoder(enc).heads(nudeHeads()).build()) {
      ModerationEngine engine = ModerationEngine.builder().policy(strict).addStage(stage, StageMode.EVERY_PROMPT).build();
      assertThat(engine.moderate(TextPrompt.of("a zorbium figure")).verdict()).isEqualTo(Verdict.ALLOW);
    }
  }

  @Test
  void theStageRunsOnlyOnPromptsTheRulesAllowedWhenAskedTo() {
    FakeEncoder enc = new FakeEncoder();
    try (SemanticStage stage = SemanticStage.builder().encoder(enc).heads(nudeHeads()).build()) {
      ModerationEngine allowedOnly = ModerationEngine.builder().addStage(stage, StageMode.WHEN_ALLOWED).build();
      assertThat(allowedOnly.moderate(TextPrompt.of("porn")).verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(enc.calls.get()).isZero();
      ModerationEngine every = ModerationEngine.builder().addStage(stage, StageMode.EVERY_PROMPT).build();
      every.moderate(TextPrompt.of("porn"));
      assertThat(enc.calls.get()).isEqualTo(1);
      ModerationEngine off = ModerationEngine.builder().addStage(stage, StageMode.OFF).build();
      off.moderate(TextPrompt.of("a lighthouse"));
      assertThat(enc.calls.get()).isEqualTo(1);
    }
  }

  @Test
  void theCacheIsKeyedByTheNormalisedPrompt() {
    FakeEncoder enc = new FakeEncoder();
    try (SemanticStage stage = SemanticStage.builder().encoder(enc).heads(nudeHeads()).build()) {
      ModerationEngine engine = ModerationEngine.builder().addStage(stage, StageMode.EVERY_PROMPT).build();
      TextDecision first = engine.moderate(TextPrompt.of("A Zorbium   figure"));
      TextDecision second = engine.moderate(TextPrompt.of("a zorbium figure "));
      assertThat(enc.texts.get()).isEqualTo(1);
      assertThat(second.findings()).isEqualTo(first.findings());
      assertThat(stage.cachedPrompts()).isEqualTo(1);
    }
    FakeEncoder uncached = new FakeEncoder();
    try (SemanticStage stage = SemanticStage.builder().encoder(uncached).heads(nudeHeads()).cacheSize(0).build()) {
      ModerationEngine engine = ModerationEngine.builder().addStage(stage, StageMode.EVERY_PROMPT).build();
      engine.moderate(TextPrompt.of("a zorbium figure"));
      engine.moderate(TextPrompt.of("a zorbium figure"));
      assertThat(uncached.texts.get()).isEqualTo(2);
    }
  }

  @Test
  void underSixteenConcurrentThreadsEveryCallerGetsItsOwnResultAndRequestsAreBatched() throws Exception {
    FakeEncoder enc = new FakeEncoder();
    List<String> prompts = new ArrayList<>();
    Random rnd = new Random(16);
    String[] words = {"zorbium", "figure", "lighthouse", "cat", "portrait", "sunset", "dragon", "bath", "woman", "city"};
    for (int i = 0; i < 400; i++) {
      StringBuilder b = new StringBuilder("p" + i); // every prompt distinct: no cache hits
      for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
        b.append(' ').append(words[rnd.nextInt(words.length)]);
      }
      prompts.add(b.toString());
    }
    try (SemanticStage stage = SemanticStage.builder().encoder(enc).heads(nudeHeads())
        .maxWait(Duration.ofMillis(20)).maxBatch(8).timeBudget(Duration.ofSeconds(30)).build()) {
      ModerationEngine engine = ModerationEngine.builder().addStage(stage, StageMode.EVERY_PROMPT).build();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (String p : prompts) {
        results.add(pool.submit(() -> {
          start.await();
          return engine.moderate(TextPrompt.of(p)).verdict() == Verdict.BLOCK;
        }));
      }
      start.countDown();
      int fired = 0;
      for (int i = 0; i < prompts.size(); i++) {
        boolean want = expectedScore(prompts.get(i)) >= 0.5;
        assertThat(results.get(i).get()).as("prompt %s", prompts.get(i)).isEqualTo(want);
        fired += want ? 1 : 0;
      }
      pool.shutdown();
      assertThat(fired).as("some prompts fire, some do not").isBetween(1, prompts.size() - 1);
      assertThat(enc.texts.get()).isEqualTo(prompts.size());
      assertThat(enc.largestBatch.get()).as("batches of concurrent requests").isBetween(2, 8);
    }
  }

  @Test
  void aLoneCallerIsServedWithoutWaitingForABatchToFill() {
    FakeEncoder enc = new FakeEncoder();
    // A 100 ms wait per call: only the "nothing left in the queue" rule serves each at once.
    try (SemanticStage stage = SemanticStage.builder().encoder(enc).heads(nudeHeads())
        .maxWait(Duration.ofMillis(100)).timeBudget(Duration.ofSeconds(20)).build()) {
      ModerationEngine engine = ModerationEngine.builder().addStage(stage, StageMode.EVERY_PROMPT).build();
      for (int i = 0; i < 5; i++) {
        assertThat(engine.moderate(TextPrompt.of("a cat " + i)).findings()).isEmpty();
      }
      assertThat(enc.batches).containsOnly(1);
    }
  }

  @Test
  void whenTheBudgetRunsOutTheDefaultPolicyFlagsAndABlockingRuleBlocks() {
    FakeEncoder enc = new FakeEncoder();
    enc.hold = new CountDownLatch(1);
    Policy failClosed = Policy.defaultPolicy().toBuilder()
        .putContentRule(ContentRule.uniform(SemanticStage.TIMEOUT, Action.BLOCK)).version("closed").build();
    try (SemanticStage stage = SemanticStage.builder().encoder(enc).heads(nudeHeads())
        .timeBudget(Duration.ofMillis(20)).build()) {
      ModerationEngine open = ModerationEngine.builder().addStage(stage, StageMode.WHEN_ALLOWED).build();
      TextDecision d = open.moderate(TextPrompt.of("a lighthouse"));
      assertThat(d.verdict()).isEqualTo(Verdict.FLAG);
      assertThat(d.categories()).extracting(c -> c.category()).containsExactly(SemanticStage.TIMEOUT);
      assertThat(d.limits()).extracting(Reason.Limit::limit).contains("semantic-time-budget");
      ModerationEngine closed = open.toBuilder().policy(failClosed).build();
      assertThat(closed.moderate(TextPrompt.of("a harbour")).verdict()).isEqualTo(Verdict.BLOCK);
      enc.hold.countDown();
    }
  }

  @Test
  void aFullQueueRefusesARequestAtOnce() throws Exception {
    FakeEncoder enc = new FakeEncoder();
    enc.hold = new CountDownLatch(1);
    try (MicroBatcher batcher = new MicroBatcher(enc::embed, 1, 0, 1, 1)) {
      var first = batcher.submit("first");
      while (enc.entered.get() == 0) {
        Thread.onSpinWait(); // the worker holds "first" inside the encoder
      }
      var second = batcher.submit("second"); // waits in the queue, which is now full
      var third = batcher.submit("third");
      assertThat(third).isCompletedExceptionally();
      assertThatThrownBy(third::get).hasCauseInstanceOf(MicroBatcher.QueueFull.class)
          .hasMessageContaining("queue is full (1 prompts)");
      enc.hold.countDown();
      assertThat(first.get()).containsExactly(FakeEncoder.vector("first"));
      assertThat(second.get()).containsExactly(FakeEncoder.vector("second"));
    }
  }

  @Test
  void twoRequestsAndTwoIdleWorkersMakeTwoBatchesOfOneRatherThanOneOfTwo() throws Exception {
    FakeEncoder enc = new FakeEncoder();
    enc.hold = new CountDownLatch(1);
    try (MicroBatcher batcher = new MicroBatcher(enc::embed, 32, 50_000_000L, 2, 16)) {
      var a = batcher.submit("a lighthouse");
      var b = batcher.submit("a harbour");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (enc.entered.get() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // both workers inside the encoder at once, one request each
      }
      assertThat(enc.entered.get()).as("workers encoding at once").isEqualTo(2);
      enc.hold.countDown();
      assertThat(a.get()).containsExactly(FakeEncoder.vector("a lighthouse"));
      assertThat(b.get()).containsExactly(FakeEncoder.vector("a harbour"));
      assertThat(enc.batches).containsExactly(1, 1);
    }
  }

  @Test
  void aWorkersShareIsThePendingRequestsDividedAmongIdleWorkersUpToTheLargestBatch() {
    try (MicroBatcher batcher = new MicroBatcher(new FakeEncoder()::embed, 8, 0, 4, 16)) {
      assertThat(batcher.share(1)).isEqualTo(1);
      assertThat(batcher.share(4)).isEqualTo(1);
      assertThat(batcher.share(5)).isEqualTo(2);
      assertThat(batcher.share(12)).isEqualTo(3);
      assertThat(batcher.share(100)).as("never above the largest batch").isEqualTo(8);
    }
  }

  @Test
  void headsForAnotherEncoderAreRefused() {
    TextHeads other = new TextHeads("other", FakeEncoder.DIMENSION, nudeHeads().heads(), Map.of());
    assertThatThrownBy(() -> SemanticStage.builder().encoder(new FakeEncoder()).heads(other).build())
        .isInstanceOf(ModerationException.class)
        .hasMessage("the heads were trained for encoder other (64 dimensions), not fake (64 dimensions)");
    assertThatThrownBy(() -> SemanticStage.builder().heads(other).build())
        .hasMessageContaining("encoder other, which is not built in");
  }

  @Test
  void aClosedStageRefusesWork() {
    SemanticStage stage = SemanticStage.builder().encoder(new FakeEncoder()).heads(nudeHeads()).build();
    stage.close();
    ModerationEngine engine = ModerationEngine.builder().addStage(stage, StageMode.EVERY_PROMPT).build();
    assertThatThrownBy(() -> engine.moderate(TextPrompt.of("x")))
        .isInstanceOf(ModerationException.class).hasMessageContaining("the semantic stage is closed");
  }

  @Test
  void buildersCheckEachValueAndNameIt() {
    SemanticStage.Builder b = SemanticStage.builder();
    assertThatThrownBy(() -> b.maxBatch(0)).hasMessage("maxBatch must be in [1, 256], got 0");
    assertThatThrownBy(() -> b.timeBudget(Duration.ZERO)).hasMessage("timeBudget must be from 1 ms to 1 minute, got PT0S");
    assertThatThrownBy(() -> b.maxWait(Duration.ofSeconds(1))).hasMessage("maxWait must be from 0 to 100 ms, got PT1S");
    assertThatThrownBy(() -> b.cacheSize(-1)).hasMessage("cacheSize must be in [0, 10000000], got -1");
    assertThatThrownBy(() -> b.workers(0)).hasMessage("workers must be in [1, 64], got 0");
    assertThatThrownBy(() -> b.queueCapacity(0)).hasMessage("queueCapacity must be in [1, 1000000], got 0");
  }

  @Test
  void promptsLongerThanTheStageReadsAreCutAndSaySo() {
    try (SemanticStage stage = SemanticStage.builder().encoder(new FakeEncoder()).heads(nudeHeads()).build()) {
      ModerationEngine engine = ModerationEngine.builder().addStage(stage, StageMode.EVERY_PROMPT).build();
      TextDecision d = engine.moderate(TextPrompt.of("cat ".repeat(2000)));
      assertThat(d.limits()).extracting(Reason.Limit::limit).contains("semantic-max-chars");
    }
  }
}
