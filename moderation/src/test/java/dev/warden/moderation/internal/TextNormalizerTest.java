package dev.warden.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  /** The normalised text with '|' for hard and '/' for soft boundaries, runs written as digits. */
  static String render(String input) {
    NormalizedText t = new NormalizedText();
    TextNormalizer.normalize(input, t);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      if ((t.flags(i) & NormalizedText.HARD) != 0) {
        sb.append('|');
      } else if ((t.flags(i) & NormalizedText.SOFT) != 0) {
        sb.append('/');
      }
      char c = t.chars()[i];
      sb.append(c);
      if (t.run(i) > 1) {
        sb.append(t.run(i));
      }
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '=', value = {
      "s3x = sex",
      "s.e.x = sex",
      "p.orn = p/orn",
      "s-e-x = sex",
      "s_e_x = sex",
      "s.e.x = sex",
      "p.orn = p/orn",
      "s.e.x = sex",
      "p.orn = p/orn",
      "ѕех = sex",
      "ｓｅｘ = sex",
      "ⓢⓔⓧ = sex",
      "sexxxy = sex3y",
      "a$$hole = as2hoie",
      "p0rn0 = porno",
      "b00b5 = bo2bs",
      "ki11 = ki3",
      "kill = ki3",
      "İSTANBUL ısı = istanbui|isi",
      "xyй = хуи",
      "пи3да = пизда",
      "12yo = 1/2/yo",
      "4k 3d 35mm = 4/k|3/d|3/5/m2",
      "sex! = sex",
      "ten-year-old = ten|year|oid",
      "Straße = stras2e",
      "niña = niña",
      "ｶﾞｷ = ガキ",
      "色 情 片 = 色情片",
      "hello,world = hei2o|worid"})
  void goldenNormalisations(String input, String expected) {
    assertThat(render(input)).isEqualTo(expected);
  }

  @Test
  void zeroWidthBidiAndCombiningCharactersVanishButSpansCoverThem() {
    String input = "s\u200Be\u202Ex\u0301";
    NormalizedText t = new NormalizedText();
    TextNormalizer.normalize(input, t);
    assertThat(t.toString()).isEqualTo("sex");
    assertThat(t.sourceStart(0)).isZero();
    assertThat(t.sourceEnd(2)).isEqualTo(input.length()); // the accent belongs to the x
  }

  @Test
  void mathematicalLettersMapBackToTheirSurrogatePairs() {
    String input = "a \uD835\uDC2C\uD835\uDC1E\uD835\uDC31!";
    NormalizedText t = new NormalizedText();
    TextNormalizer.normalize(input, t);
    assertThat(t.toString()).isEqualTo("asex");
    assertThat(input.substring(t.sourceStart(1), t.sourceEnd(3))).isEqualTo("\uD835\uDC2C\uD835\uDC1E\uD835\uDC31");
  }

  @Test
  void allLookAlikeRussianTokensAlsoGetALatinReading() {
    NormalizedText t = new NormalizedText();
    TextNormalizer.normalize("это сех", t);
    assertThat(t.alternateCount()).isEqualTo(1);
    assertThat(new String(t.alternateChars(), t.alternateStart(0), t.alternateEnd(0) - t.alternateStart(0)))
        .isEqualTo("cex");
    assertThat(t.toString()).isEqualTo("этосех");
  }

  @Test
  void theTurkishLocaleDoesNotChangeCaseFolding() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertThat(render("NUDITY PIC")).isEqualTo("nudity|pic");
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void theLimitNeverSplitsASurrogatePair() {
    String input = "ab\uD835\uDC2C";
    NormalizedText t = new NormalizedText();
    TextNormalizer.normalize(input, 3, t);
    assertThat(t.scannedLength()).isEqualTo(2);
    assertThat(t.inputLength()).isEqualTo(4);
    assertThat(t.toString()).isEqualTo("ab");
  }

  @Test
  void randomInputsGiveOrderedSpansInsideTheInput() {
    Random random = new Random(20261130L);
    String alphabet = "abcdeilosxyz AEIOS013457@$!|.-_*'\u200B\u200D\u202E\u0301\u0308\u0000\u0007"
        + "аеосрхуйпз色情ガキｓｅｘⓢ\uD835\uDC2C\uD800\uDC00\uDFFF\uD800ñßİı";
    NormalizedText t = new NormalizedText();
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      TextNormalizer.normalize(s, t);
      int previousEnd = 0;
      for (int i = 0; i < t.length(); i++) {
        assertThat(t.sourceStart(i)).as("start of %d in %s", i, s).isGreaterThanOrEqualTo(previousEnd);
        assertThat(t.sourceEnd(i)).as("end of %d in %s", i, s).isGreaterThan(t.sourceStart(i))
            .isLessThanOrEqualTo(s.length());
        assertThat(t.run(i)).isBetween(1, 127);
        previousEnd = t.sourceEnd(i);
      }
    }
  }

  @Test
  void adversarialRunsNormaliseToTheirObviousShortForms() {
    NormalizedText t = new NormalizedText();
    TextNormalizer.normalize("a".repeat(65_536), t);
    assertThat(t.length()).isEqualTo(1);
    assertThat(t.run(0)).isEqualTo(127);
    assertThat(t.sourceEnd(0)).isEqualTo(65_536);

    TextNormalizer.normalize(".-_* ".repeat(13_000), t);
    assertThat(t.length()).isZero();

    TextNormalizer.normalize("e" + "\u0301".repeat(65_000), t);
    assertThat(t.toString()).isEqualTo("e");
    assertThat(t.sourceEnd(0)).isEqualTo(65_001);

    TextNormalizer.normalize("s ".repeat(30_000), t);
    assertThat(t.length()).isEqualTo(1); // one group of spaced letters, collapsed
    assertThat(t.run(0)).isEqualTo(127);
  }
}
