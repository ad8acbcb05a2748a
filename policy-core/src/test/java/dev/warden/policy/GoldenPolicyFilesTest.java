package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden policy files: each invalid file under {@code policies/invalid} has a {@code .expected}
 * file that lists, one per line, exactly the problems the loader must report.
 */
class GoldenPolicyFilesTest {

  static String resource(String name) throws IOException {
    try (InputStream in = GoldenPolicyFilesTest.class.getResourceAsStream("/policies/" + name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void minimalPolicyLoads() throws IOException {
    Policy p = Policy.parse(resource("minimal.json"), "minimal.json");
    assertThat(p.id()).isEqualTo("minimal");
    assertThat(p.recipients()).isEmpty();
    assertThat(p.dataCategories().get(0).personal()).isTrue();
    assertThat(p.cookieCategories().get(0).persistent()).isFalse();
    assertThat(p.contentRules()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"references", "values", "malformed", "duplicate-keys"})
  void invalidFileReportsExactlyTheExpectedProblems(String name) throws IOException {
    String json = resource("invalid/" + name + ".json");
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.parse(json, name + ".json"));
    assertThat(e).as("%s must be rejected", name).isNotNull();
    String actual = e.problems().stream().map(PolicyProblem::toString).collect(Collectors.joining("\n"));
    assertThat(actual).isEqualTo(resource("invalid/" + name + ".expected").strip());
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.hasLocation()).isTrue());
    assertThat(e.getMessage()).startsWith(name + ".json: " + e.problems().size() + " problem");
  }

  @Test
  void loadingFromAFileNamesTheFileAndLocatesTheProblem(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("policy.json");
    Files.writeString(f, resource("minimal.json").replace("\"P30D\", \"from\"", "\"P-1D\", \"from\""));
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class, () -> Policy.load(f));
    assertThat(e.source()).isEqualTo(f.toString());
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/retention/0/period");
      assertThat(p.line()).isEqualTo(16);
      assertThat(p.message()).isEqualTo("period must not be negative, got P-1D");
    });
  }

  @Test
  void missingFileIsAnIoErrorNamingTheFile(@TempDir Path dir) {
    Path f = dir.resolve("nope.json");
    assertThatThrownBy(() -> Policy.load(f))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("policy file not found: " + f);
  }

  @Test
  void everyTopLevelProblemIsReportedTogether() {
    PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
        () -> Policy.parse("{}", "empty-object"));
    List<String> messages = e.problems().stream().map(PolicyProblem::message).toList();
    assertThat(messages).containsExactly(
        "missing required field 'id'",
        "missing required field 'version'",
        "missing required field 'effectiveDate'",
        "missing required field 'contact'",
        "missing required field 'dataCategories'",
        "missing required field 'purposes'",
        "missing required field 'cookieCategories'",
        "missing required field 'retention'",
        "missing required field 'contentRules'",
        "missing required field 'enforcement'",
        "missing required field 'consent'",
        "missing required field 'dataSubjectRights'");
  }
}
