package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken inputs fail fast with one clear problem, never an error or a hang. */
class PolicyLimitsTest {

  private static PolicyValidationException rejected(String json) {
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.parse(json, "input"));
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void emptyDocument() {
    assertThat(rejected("").problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("the document is empty"));
  }

  @Test
  void topLevelMustBeAnObject() {
    assertThat(rejected("[1,2]").problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("must be an object, got an array"));
  }

  @Test
  void trailingContentAfterTheDocument() {
    assertThat(rejected("{} {}").problems()).anySatisfy(p -> {
      assertThat(p.message()).isEqualTo("unexpected content after the end of the document");
      assertThat(p.column()).isEqualTo(4);
    });
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void deeplyNestedInputFailsAtTheDepthLimit() {
    String deep = "{\"id\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    PolicyValidationException e = rejected(deep);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("document exceeds a size limit").contains("depth 32");
      assertThat(p.line()).isEqualTo(1);
    });
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hugeStreamFailsFastWithoutReadingItAll() {
    // A 2 GiB stream of whitespace inside a string: the loader must stop at its limit.
    byte[] open = "{\"id\": \"".getBytes(StandardCharsets.US_ASCII);
    InputStream endless = new InputStream() {
      long left = 2L << 30;

      @Override
      public int read() {
        return left-- > 0 ? 'a' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'a');
        left -= n;
        return n;
      }
    };
    InputStream in = new SequenceInputStream(Collections.enumeration(
        java.util.List.of(new ByteArrayInputStream(open), endless)));
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.parse(in, "endless"));
    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("document exceeds a size limit"));
  }

  @Test
  void oversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("big.json");
    try (var out = Files.newOutputStream(f)) {
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 17; i++) {
        out.write(spaces);
      }
    }
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class, () -> Policy.load(f));
    assertThat(e.problems().get(0).message()).startsWith("file is 17825792 bytes");
  }

  @Test
  void hugeNumbersAreReportedNotExpanded() {
    String json = Policy.defaultPolicyJson().replace("\"violations\": 1,", "\"violations\": 1e999999999,");
    PolicyValidationException e = rejected(json);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/enforcement/steps/0/violations");
      assertThat(p.message()).startsWith("violations must be a whole number from 1 to 2147483647, got 1E+");
    });
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void randomMutationsOfTheDefaultPolicyNeverEscapeAsAnotherException() {
    String base = Policy.defaultPolicyJson();
    Random rnd = new Random(20261130L);
    String alphabet = "{}[]\":,0123456789-PYMDabcdefxyz \\\n\u00e9\u0000";
    int rejectedCount = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder(base);
      int edits = 1 + rnd.nextInt(4);
      for (int k = 0; k < edits; k++) {
        int at = rnd.nextInt(sb.length());
        switch (rnd.nextInt(3)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
          default -> sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
      }
      try {
        Policy.parse(sb.toString(), "mutant-" + i);
      } catch (PolicyValidationException e) {
        rejectedCount++;
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
      }
    }
    assertThat(rejectedCount).as("most random edits break the policy").isGreaterThan(1500);
  }
}
