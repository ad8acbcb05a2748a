package dev.warden.moderation.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.moderation.ModerationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer against reference ids. {@code tokenizer-golden.json} was written by an independent
 * implementation of Hugging Face tokenizers (the JavaScript port, npm {@code
 * @huggingface/tokenizers} 0.2.0, with {@code src/test/scripts/tokenizer-golden.mjs}) from the same
 * {@code tokenizer.json}. The cases where Warden means to differ, or where that port differs from
 * the Rust reference, have ids written by hand from the vocabulary below.
 */
class WordPieceTokenizerTest {

  private static WordPieceTokenizer tokenizer;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = WordPieceTokenizerTest.class.getClassLoader()
        .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      tokenizer = WordPieceTokenizer.read(in, "all-minilm-l6-v2-q-tokenizer.json");
    }
  }

  @Test
  void theVocabularyIsUncasedBertWith30522Tokens() {
    assertThat(tokenizer.vocabularySize()).isEqualTo(30_522);
    assertThat(tokenizer.padId()).isZero();
  }

  @Test
  void everyGoldenTextGetsTheReferenceIdsTokenForToken() throws Exception {
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("tokenizer-golden.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    assertThat(golden.size()).isGreaterThanOrEqualTo(25);
    for (JsonNode g : golden) {
      String text = g.get("text").asText();
      int[] want = new ObjectMapper().convertValue(g.get("ids"), int[].class);
      List<String> wantTokens = new ArrayList<>();
      g.get("tokens").forEach(t -> wantTokens.add(t.asText()));
      assertThat(tokenizer.encode(text, 512).ids()).as("ids of %s", text).containsExactly(want);
      assertThat(tokenizer.tokens(text)).as("tokens of %s", text)
          .containsExactlyElementsOf(wantTokens.subList(1, wantTokens.size() - 1));
    }
  }

  @Test
  void aFinalCapitalSigmaLowerCasesWithoutContextAsTheRustReferenceDoes() {
    // ΣΊΣΥΦΟΣ: accents stripped, then each code point lower-cased on its own: σισυφοσ (the
    // JavaScript port writes a final ς here; the Rust reference does not). Greedy pieces from the
    // vocabulary: σ=1173, ##ι=18199, ##σ=29733, ##υ=29735, ##φ=29736, ##ο=29730 (there is no ##οσ).
    assertThat(tokenizer.encode("ΣΊΣΥΦΟΣ", 512).ids())
        .containsExactly(101, 1173, 18199, 29733, 29735, 29736, 29730, 29733, 102);
  }

  @Test
  void specialTokensTypedInAPromptAreReadAsPlainText() {
    // [=1031, sep=19802, ]=1033, mask=7308, injection=13341: never [SEP]=102 or [MASK]=103.
    assertThat(tokenizer.encode("[SEP] [MASK] injection", 512).ids())
        .containsExactly(101, 1031, 19802, 1033, 1031, 7308, 1033, 13341, 102);
  }

  @Test
  void truncationKeepsClsAndSepAndSaysSo() {
    // a=1037, b=1038, c=1039
    WordPieceTokenizer.Tokenization t = tokenizer.encode("a b c d e", 5);
    assertThat(t.ids()).containsExactly(101, 1037, 1038, 1039, 102);
    assertThat(t.truncated()).isTrue();
    assertThat(tokenizer.encode("a b c", 5).truncated()).isFalse();
    // A word cut in the middle keeps its first pieces, as the reference's truncation does.
    assertThat(tokenizer.encode("supercalifragilistic", 4).ids()).containsExactly(101, 3565, 9289, 102);
    assertThat(tokenizer.encode("", 2).ids()).containsExactly(101, 102);
    assertThatThrownBy(() -> tokenizer.encode("a", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1");
  }

  @Test
  void noPaddingIsAddedWhateverTheFileSays() {
    assertThat(tokenizer.encode("hello", 256).length()).isEqualTo(3);
  }

  @Test
  void theCacheKeyTokenisesExactlyAsTheTextOnSeededRandomText() {
    Random rnd = new Random(7);
    String alphabet = "aZé ÉßΣσ東京\u200b\t\n.,!?-'😺ﬁİ한 ";
    for (int i = 0; i < 500; i++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(40);
      for (int j = 0; j < len; j++) {
        b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      String text = b.toString();
      String key = tokenizer.cacheKey(text);
      assertThat(tokenizer.encode(key, 128)).as("text %s", text).isEqualTo(tokenizer.encode(text, 128));
      assertThat(tokenizer.cacheKey(key)).isEqualTo(key);
    }
  }

  @Test
  void aFileThatIsNotABertWordPieceTokenizerIsRefusedWithItsName() {
    assertThatThrownBy(() -> read("{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}"))
        .isInstanceOf(ModerationException.class).hasMessage("tokenizer t.json: model.type must be WordPiece, got 'BPE'");
    assertThatThrownBy(() -> read("not json"))
        .isInstanceOf(ModerationException.class).hasMessageStartingWith("tokenizer t.json is not valid JSON");
    assertThatThrownBy(() -> read("{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": 0}},"
        + " \"normalizer\": {\"type\": \"BertNormalizer\"}, \"pre_tokenizer\": {\"type\": \"BertPreTokenizer\"}}"))
        .hasMessage("tokenizer t.json: the vocabulary has no [CLS] token");
    assertThatThrownBy(() -> read("{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": \"x\"}}}"))
        .hasMessage("tokenizer t.json: model.vocab['a'] must be a non-negative integer");
    assertThatThrownBy(() -> read("{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": 0}},"
        + " \"normalizer\": {\"type\": \"NFC\"}}"))
        .hasMessage("tokenizer t.json: normalizer.type must be BertNormalizer, got 'NFC'");
  }

  @Test
  void seededRandomTextNeverBreaksTheTokenizer() {
    Random rnd = new Random(2026);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(60);
      for (int j = 0; j < len; j++) {
        b.appendCodePoint(rnd.nextInt(4) == 0 ? rnd.nextInt(0x30000) : 32 + rnd.nextInt(95));
      }
      String text = b.toString();
      int max = 2 + rnd.nextInt(40);
      int[] ids = tokenizer.encode(text, max).ids();
      assertThat(ids.length).isBetween(2, max);
      assertThat(ids[0]).isEqualTo(101);
      assertThat(ids[ids.length - 1]).isEqualTo(102);
      for (int id : ids) {
        assertThat(id).isBetween(0, 30_521);
      }
    }
  }

  private static WordPieceTokenizer read(String json) {
    return WordPieceTokenizer.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
  }
}
