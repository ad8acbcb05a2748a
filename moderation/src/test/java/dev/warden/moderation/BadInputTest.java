package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Verdict;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BadInputTest {

  private final ModerationEngine engine = Engines.DEFAULT;

  @Test
  void nullIsANullPointerExceptionWithAMessage() {
    assertThatThrownBy(() -> engine.moderate((TextPrompt) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("prompt must not be null");
    assertThatThrownBy(() -> engine.moderate((Submission) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("submission must not be null");
    assertThatThrownBy(() -> engine.moderate((dev.warden.moderation.image.ImageEmbedding) null))
        .isInstanceOf(NullPointerException.class).hasMessage("image must not be null");
    assertThatThrownBy(() -> TextPrompt.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("prompt must not be null");
    assertThatThrownBy(() -> engine.moderateAll(java.util.Arrays.asList(TextPrompt.of("a"), null)))
        .isInstanceOf(NullPointerException.class).hasMessage("prompt 1 must not be null");
  }

  @Test
  void anEmptyPromptIsAllowed() {
    TextDecision d = engine.moderate(TextPrompt.of(""));
    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(d.matches()).isEmpty();
    assertThat(d.limits()).isEmpty();
  }

  @Test
  void aBadLanguageHintIsRefusedWithTheValue() {
    assertThatThrownBy(() -> TextPrompt.of("x").withLanguage("english!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'english!'");
  }

  @Test
  void textAboveTheLimitIsScannedUpToItAndFlaggedWithAReason() {
    ModerationEngine small = ModerationEngine.builder().maxInputLength(1000).build();
    String prompt = "porn " + "a".repeat(2000) + " gore";
    TextDecision d = small.moderate(TextPrompt.of(prompt));
    assertThat(d.limits()).singleElement().satisfies(l -> {
      assertThat(l.limit()).isEqualTo("max-input-length");
      assertThat(l.detail()).isEqualTo("scanned the first 1000 of " + prompt.length() + " characters");
    });
    assertThat(d.categories()).extracting(CategoryScore::category)
        .containsExactlyInAnyOrder(ModerationEngine.INPUT_TOO_LONG, dev.warden.policy.decision.Category.SEXUAL);
    assertThat(d.matches()).extracting(TextMatch::start).containsExactly(0); // "gore" lies past the limit
  }

  @Test
  void aLongPromptFullOfTermsReportsAtMostTheMatchLimitButDecidesOnAll() {
    String prompt = "tits ".repeat(10_000) + "beheaded";
    TextDecision d = engine.moderate(TextPrompt.of(prompt));
    assertThat(d.matches()).hasSize(ModerationEngine.DEFAULT_MAX_MATCHES);
    assertThat(d.limits()).extracting(l -> l.limit()).containsExactly("max-matches");
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.categories()).extracting(CategoryScore::category)
        .contains(dev.warden.policy.decision.Category.VIOLENCE_GRAPHIC);
  }

  @Test
  void controlCharactersLoneSurrogatesAndNulAreHandled() {
    String prompt = "n\u0000u\u0007d\uD800e \uDFFF ok \u001B[31m";
    TextDecision d = engine.moderate(TextPrompt.of(prompt));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.matches()).singleElement().satisfies(m -> {
      assertThat(m.start()).isZero();
      assertThat(m.end()).isEqualTo(7);
    });
  }

  @Test
  void adversarialInputsOfTheMaximumSizeAreHandled() {
    List<String> inputs = List.of(
        "a".repeat(65_536),
        " . - _ * ".repeat(7_000),
        "e" + "\u0301".repeat(65_535),
        "s e x ".repeat(10_000),
        "\u200B".repeat(65_536),
        "\uD800".repeat(65_536),
        "ass".repeat(21_000),
        "色".repeat(65_536),
        "1".repeat(65_536),
        "a1".repeat(32_768),
        "cocktail cock ".repeat(4_600),
        "5 ".repeat(32_768),
        "a1".repeat(32_768),
        "сука ".repeat(13_000),
        "s.".repeat(32_768),
        "12 year old nude ".repeat(3_800));
    for (String input : inputs) {
      TextDecision d = engine.moderate(TextPrompt.of(input).withNegativePrompt(input));
      assertThat(d.matches().size()).isLessThanOrEqualTo(ModerationEngine.DEFAULT_MAX_MATCHES + 4);
    }
  }

  @Test
  void randomUnicodeNeverMakesModerationThrow() {
    Random random = new Random(7);
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(120);
      for (int i = 0; i < n; i++) {
        sb.append((char) (random.nextBoolean() ? random.nextInt(0x3000) : random.nextInt(0x10000)));
      }
      String s = sb.toString();
      TextDecision d = engine.moderate(TextPrompt.of(s).withNegativePrompt(s));
      for (TextMatch m : d.matches()) {
        assertThat(m.end()).isLessThanOrEqualTo(s.length());
        assertThat(m.start()).isLessThanOrEqualTo(m.end());
      }
    }
  }
}
