package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.ContentRule;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineLifecycleTest {

  @Test
  void buildersCheckEachValueAndNameIt() {
    ModerationEngine.Builder b = ModerationEngine.builder();
    assertThatThrownBy(() -> b.maxInputLength(0)).hasMessage("maxInputLength must be in [1, 16777216], got 0");
    assertThatThrownBy(() -> b.maxMatches(-3)).hasMessage("maxMatches must be in [1, 16384], got -3");
    assertThatThrownBy(() -> b.policy(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("policy must not be null");
  }

  @Test
  void reloadUnderEightThreadsNeverGivesAMixedDecision() throws Exception {
    // Snapshot A: the built-in lexicons and the default policy (sexual medium blocks).
    // Snapshot B: a lexicon where "zorbium" is sexual, and a policy where sexual only flags.
    Policy flagging = Policy.defaultPolicy().toBuilder()
        .putContentRule(ContentRule.uniform(Category.SEXUAL, Action.FLAG))
        .version("flagging").build();
    List<Lexicon> lexiconsB = new ArrayList<>(Lexicon.builtIn());
    lexiconsB.add(Lexicon.parse("@category sexual\n@severity medium\nzorbium\n", "b.lex"));
    ModerationEngine engine = ModerationEngine.builder().build();
    Policy policyA = engine.policy();
    List<Lexicon> lexiconsA = engine.lexicons();

    TextPrompt prompt = TextPrompt.of("zorbium and nude");
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
    AtomicInteger seenA = new AtomicInteger();
    AtomicInteger seenB = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(8);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> {
        started.countDown();
        while (!stop.get()) {
          TextDecision d = engine.moderate(prompt);
          boolean a = d.policy().version().equals(policyA.version()) && d.matches().size() == 1
              && d.verdict() == Verdict.BLOCK;
          boolean b = d.policy().version().equals("flagging") && d.matches().size() == 2
              && d.verdict() == Verdict.FLAG;
          if (a) {
            seenA.incrementAndGet();
          } else if (b) {
            seenB.incrementAndGet();
          } else {
            mixed.add(d.policy() + " " + d.verdict() + " " + d.matches().size());
          }
        }
      });
      t.start();
      threads.add(t);
    }
    started.await();
    for (int i = 0; i < 10; i++) {
      engine.reload(flagging, lexiconsB);
      Thread.sleep(5);
      engine.reload(policyA, lexiconsA);
      Thread.sleep(5);
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(mixed).isEmpty();
    assertThat(seenA.get()).isPositive();
    assertThat(seenB.get()).isPositive();
  }

  @Test
  void aBatchIsDecidedInOrder() {
    List<TextDecision> ds = Engines.DEFAULT.moderateAll(
        List.of(TextPrompt.of("a cat"), TextPrompt.of("nude"), TextPrompt.of("")));
    assertThat(ds).extracting(TextDecision::verdict).containsExactly(Verdict.ALLOW, Verdict.BLOCK, Verdict.ALLOW);
  }

  /** A stand-in for a model stage: flags prompts that mention a word, and counts its calls. */
  private static final class CountingStage implements TextStage {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public StageResult apply(TextPrompt prompt, TextContext context) {
      calls.incrementAndGet();
      if (prompt.prompt().contains("spooky")) {
        return StageResult.of(List.of(Finding.of(Category.VIOLENCE_GRAPHIC, Severity.MEDIUM, 0.9,
            new Reason.Model("test-model", 0.9, 0.5))));
      }
      return StageResult.EMPTY;
    }
  }

  @Test
  void aHostStageRunsOnEveryPromptOnlyOnAllowedOnesOrNever() {
    CountingStage every = new CountingStage();
    CountingStage allowedOnly = new CountingStage();
    CountingStage off = new CountingStage();
    ModerationEngine engine = ModerationEngine.builder()
        .addStage(every, StageMode.EVERY_PROMPT)
        .addStage(allowedOnly, StageMode.WHEN_ALLOWED)
        .addStage(off, StageMode.OFF).build();
    engine.moderate(TextPrompt.of("a nude")); // the rules block: the second stage is not asked
    engine.moderate(TextPrompt.of("a calm lake")); // allowed so far: the second stage runs
    TextDecision spooky = engine.moderate(TextPrompt.of("a spooky forest")); // the first stage blocks
    assertThat(every.calls).hasValue(3);
    assertThat(allowedOnly.calls).hasValue(1);
    assertThat(off.calls).hasValue(0);
    assertThat(spooky.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(spooky.findings()).singleElement().satisfies(f -> assertThat(f.reason().kind()).isEqualTo("model"));
  }

  @Test
  void aFailingHostStageFailsTheRequestNamingTheStage() {
    TextStage broken = new TextStage() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public StageResult apply(TextPrompt prompt, TextContext context) {
        throw new IllegalStateException("model not loaded");
      }
    };
    ModerationEngine engine = ModerationEngine.builder().addStage(broken, StageMode.EVERY_PROMPT).build();
    assertThatThrownBy(() -> engine.moderate(TextPrompt.of("x")))
        .isInstanceOf(ModerationException.class).hasMessageContaining("'broken'")
        .hasMessageContaining("model not loaded");
  }

  @Test
  void theRuleStageCanBeTurnedOff() {
    ModerationEngine engine = ModerationEngine.builder().ruleStage(StageMode.OFF).build();
    assertThat(engine.moderate(TextPrompt.of("nude")).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void toBuilderKeepsTheSettings() {
    ModerationEngine a = ModerationEngine.builder().maxInputLength(10).build();
    ModerationEngine b = a.toBuilder().build();
    assertThat(b.moderate(TextPrompt.of("a".repeat(20))).limits()).hasSize(1);
    assertThat(b.lexicons()).isEqualTo(a.lexicons());
  }

  @Test
  void theCompiledDefaultLexiconsTakeLessThanThirtyTwoMegabytes() {
    long bytes = Engines.DEFAULT.compiledLexiconBytes();
    System.out.println("compiled default lexicons: " + bytes + " bytes");
    assertThat(bytes).isPositive().isLessThan(32L * 1024 * 1024);
  }
}
