package dev.warden.moderation.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.moderation.ModerationEngine;
import dev.warden.moderation.StageMode;
import dev.warden.moderation.TextDecision;
import dev.warden.moderation.TextPrompt;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Verdict;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in heads with the quantised model, in the engine (the model loads once for the class). */
class BuiltInSemanticStageTest {

  private static SemanticStage stage;
  private static ModerationEngine engine;

  @BeforeAll
  static void load() {
    stage = SemanticStage.builder().loadEagerly(true).timeBudget(Duration.ofSeconds(60)).build();
    engine = ModerationEngine.builder().addStage(stage, StageMode.WHEN_ALLOWED).build();
  }

  @AfterAll
  static void close() {
    if (stage != null) {
      stage.close();
    }
  }

  @Test
  void theBuiltInHeadsCoverSixCategoriesOfTheQuantisedEncoder() {
    TextHeads heads = TextHeads.builtIn();
    assertThat(heads.encoder()).isEqualTo(BuiltInEncoder.MINILM_L6_V2_QUANTIZED.id());
    assertThat(heads.dimension()).isEqualTo(384);
    assertThat(heads.heads()).extracting(TextHead::category).containsExactlyInAnyOrder(Category.SEXUAL,
        Category.VIOLENCE, Category.HATE, Category.HARASSMENT, Category.SELF_HARM, Category.ILLICIT);
    for (TextHead h : heads.heads()) {
      assertThat(h.calibration()).as(h.id()).isPresent();
      assertThat(h.calibration().get().positives()).as(h.id()).isGreaterThanOrEqualTo(300);
    }
    assertThat(Double.parseDouble(heads.training().get("outOfFoldBenignFalsePositiveRate"))).isLessThanOrEqualTo(0.01);
  }

  @Test
  void theBuiltInHeadsWereCalibratedOnTheirOwnHarmlessPromptsSoTheTestedHarmlessPromptsStayHeldOut()
      throws Exception {
    Path examples = Path.of("data/text-heads/examples.csv");
    Path calibration = Path.of("data/text-heads/calibration-benign.csv");
    Path benign = Path.of("src/test/resources/dev/warden/moderation/benign-prompts.csv");
    assumeTrue(Files.exists(examples) && Files.exists(calibration) && Files.exists(benign),
        "run from the moderation module directory");
    assertThat(TextHeads.builtIn().training())
        .containsEntry("dataSha256", sha256(examples))
        .containsEntry("calibrationDataSha256", sha256(calibration))
        .doesNotContainValue(sha256(benign));
    Set<String> held = new HashSet<>();
    for (String p : firstColumn(benign)) {
      held.add(p.toLowerCase(Locale.ROOT));
    }
    List<String> calibrationPrompts = firstColumn(calibration);
    assertThat(calibrationPrompts).hasSizeGreaterThanOrEqualTo(300);
    assertThat(calibrationPrompts).filteredOn(p -> held.contains(p.toLowerCase(Locale.ROOT))).isEmpty();
  }

  /** The first field of each data row of a simple CSV file (quoted or not, no line breaks in fields). */
  private static List<String> firstColumn(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("\"")) {
        int end = 1;
        while (true) {
          end = line.indexOf('"', end);
          if (end + 1 < line.length() && line.charAt(end + 1) == '"') {
            end += 2;
          } else {
            break;
          }
        }
        out.add(line.substring(1, end).replace("\"\"", "\""));
      } else {
        out.add(line.substring(0, line.indexOf(',')));
      }
    }
    return out;
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      md.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @Test
  void promptsWithoutAProhibitedWordAreCaughtAndHarmlessOnesPass() {
    ModerationEngine rulesOnly = ModerationEngine.builder().build();
    for (String p : List.of(
        "a soldier's body torn apart by an explosion",
        "a teenage girl pressing a razor to her forearm in the bathroom")) {
      assertThat(rulesOnly.moderate(TextPrompt.of(p)).verdict()).as("rules: %s", p).isEqualTo(Verdict.ALLOW);
      TextDecision d = engine.moderate(TextPrompt.of(p));
      assertThat(d.verdict()).as("semantic: %s", p).isNotEqualTo(Verdict.ALLOW);
      assertThat(d.findings()).anySatisfy(f -> assertThat(f.reason()).isInstanceOf(Reason.Model.class));
    }
    for (String p : List.of("a lighthouse on a cliff at sunset, oil painting",
        "a golden retriever puppy playing in the snow", "a bowl of ramen, food photography")) {
      assertThat(engine.moderate(TextPrompt.of(p)).verdict()).as(p).isEqualTo(Verdict.ALLOW);
    }
  }

  @Test
  void sixteenConcurrentCallersEachGetTheVerdictTheirPromptGetsAlone() throws Exception {
    List<String> prompts = new ArrayList<>();
    String[] subjects = {"a lighthouse", "a red fox", "a man screaming with his face torn open",
        "a girl with cuts on her wrists", "a bowl of soup", "a castle in the clouds", "lines of white powder on a mirror",
        "a sailboat at dawn"};
    for (int i = 0; i < 64; i++) {
      prompts.add(subjects[i % subjects.length] + ", variation " + i);
    }
    try (SemanticStage uncached = SemanticStage.builder().cacheSize(0).maxBatch(16)
        .maxWait(Duration.ofMillis(5)).timeBudget(Duration.ofSeconds(60)).build()) {
      ModerationEngine e = ModerationEngine.builder().addStage(uncached, StageMode.EVERY_PROMPT).build();
      List<Verdict> alone = new ArrayList<>();
      for (String p : prompts) {
        alone.add(e.moderate(TextPrompt.of(p)).verdict());
      }
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<Verdict>> together = new ArrayList<>();
      for (String p : prompts) {
        together.add(pool.submit(() -> e.moderate(TextPrompt.of(p)).verdict()));
      }
      int same = 0;
      for (int i = 0; i < prompts.size(); i++) {
        same += together.get(i).get() == alone.get(i) ? 1 : 0;
      }
      pool.shutdown();
      // The int8 model's activations are quantised per batch, so a prompt near its threshold may
      // tip; every caller still gets the result of its own prompt.
      assertThat(same).isGreaterThanOrEqualTo(prompts.size() - 2);
      assertThat(alone).contains(Verdict.ALLOW).containsAnyOf(Verdict.FLAG, Verdict.BLOCK);
    }
  }
}
