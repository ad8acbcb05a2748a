package dev.warden.moderation.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.moderation.ModerationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The head file format: what it accepts, and how it names what is wrong. */
class HeadFileTest {

  private static final String HEAD = "{\"id\": \"semantic.sexual\", \"category\": \"sexual\", \"severity\": \"medium\","
      + " \"type\": \"logistic\", \"weights\": [0.5, -0.5], \"bias\": 0.25}";

  private static String file(String heads) {
    return "{\"format\": \"warden-text-heads\", \"version\": 1, \"encoder\": \"e\", \"dimension\": 2, \"heads\": [" + heads + "]}";
  }

  private static TextHeads read(String json) {
    return TextHeads.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "h.json");
  }

  @Test
  void aMinimalFileReadsAndScores() {
    TextHeads h = read(file(HEAD + ", {\"id\": \"semantic.hate\", \"category\": \"hate\", \"severity\": \"high\","
        + " \"type\": \"prototypes\", \"prototypes\": [[1, 0], [0, 1]], \"scale\": 10, \"offset\": 0.8,"
        + " \"calibration\": {\"positives\": 5, \"benign\": 100, \"recall\": 0.8, \"benignFalsePositiveRate\": 0.01}}"));
    assertThat(h.encoder()).isEqualTo("e");
    assertThat(h.heads()).hasSize(2);
    // sigmoid(0.5 * 1 - 0.5 * 0 + 0.25) = sigmoid(0.75)
    assertThat(h.heads().get(0).score(new float[] {1, 0})).isCloseTo(1 / (1 + Math.exp(-0.75)),
        org.assertj.core.data.Offset.offset(1e-9));
    // sigmoid(10 * (max(0.6, 0.8) - 0.8)) = 0.5
    assertThat(h.heads().get(1).score(new float[] {0.6f, 0.8f})).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(h.heads().get(1).calibration()).hasValueSatisfying(c -> assertThat(c.recall()).isEqualTo(0.8));
  }

  @Test
  void everyProblemIsNamedWithItsPointer() {
    assertThatThrownBy(() -> read("[]")).isInstanceOf(ModerationException.class)
        .hasMessage("head file h.json: /: must be a JSON object");
    assertThatThrownBy(() -> read("{\"format\": \"x\"}")).hasMessage("head file h.json: /format: must be \"warden-text-heads\", got \"x\"");
    assertThatThrownBy(() -> read(file(HEAD).replace("\"version\": 1", "\"version\": 2")))
        .hasMessage("head file h.json: /version: this Warden reads version 1, got 2");
    assertThatThrownBy(() -> read(file(HEAD.replace("[0.5, -0.5]", "[0.5]"))))
        .hasMessage("head file h.json: /heads/0/weights: has 1 numbers, the file's dimension is 2");
    assertThatThrownBy(() -> read(file(HEAD.replace("-0.5", "\"x\""))))
        .hasMessage("head file h.json: /heads/0/weights/1: must be a finite number, got \"x\"");
    assertThatThrownBy(() -> read(file(HEAD.replace("\"medium\"", "\"severe\""))))
        .hasMessage("head file h.json: /heads/0/severity: must be low, medium, high or critical, got 'severe'");
    assertThatThrownBy(() -> read(file(HEAD.replace("\"sexual\",", "\"Sexual Stuff\","))))
        .hasMessageContaining("/heads/0/category: 'Sexual Stuff' is not a category id");
    assertThatThrownBy(() -> read(file(HEAD.replace("\"logistic\"", "\"svm\""))))
        .hasMessage("head file h.json: /heads/0/type: must be logistic or prototypes, got 'svm'");
    assertThatThrownBy(() -> read(file(HEAD.replace("\"bias\"", "\"bais\""))))
        .hasMessageContaining("/heads/0/bais: unknown field");
    assertThatThrownBy(() -> read(file(HEAD + ", " + HEAD)))
        .hasMessage("head file h.json: /heads: head id semantic.sexual appears twice");
    assertThatThrownBy(() -> read("{\"format\": \"warden-text-heads\", \"format\": \"warden-text-heads\"}"))
        .hasMessageStartingWith("head file h.json is not valid JSON: Duplicate field 'format'");
    assertThatThrownBy(() -> read("{"))
        .hasMessageStartingWith("head file h.json is not valid JSON");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> TextHeads.load(dir.resolve("none.json")))
        .isInstanceOf(ModerationException.class).hasMessageStartingWith("cannot read head file " + dir.resolve("none.json"));
  }
}
