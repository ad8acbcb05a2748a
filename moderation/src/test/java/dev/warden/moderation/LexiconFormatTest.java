package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconFormatTest {

  @Test
  void directivesSetWhatTheTermsBelowThemMean() {
    Lexicon l = Lexicon.parse("""
        # a host's extra terms
        @lexicon host
        @language de
        @category violence/graphic
        @severity high
        @match stem
        zerfetzt
        blutbad ; severity=medium ; match=word ; id=host-blood
        @marker minor
        knirps
        @allow
        blutbad-bild
        @rule near: minor near violence within 3 -> violence/graphic critical
        """, "host.lex");
    assertThat(l.id()).isEqualTo("host");
    assertThat(l.entries()).extracting(LexiconEntry::ruleId)
        .containsExactly("host.violence/graphic.0001", "host-blood", "host.minor.0001", "host.allow.0001");
    LexiconEntry second = l.entries().get(1);
    assertThat(second.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(second.match()).isEqualTo(MatchMode.WORD);
    assertThat(second.language()).isEqualTo("de");
    assertThat(second.line()).isEqualTo(8);
    assertThat(l.entries().get(2).kind()).isEqualTo(EntryKind.MARKER);
    assertThat(l.rules()).singleElement().satisfies(r -> {
      assertThat(r.ruleId()).isEqualTo("host.rule.near");
      assertThat(r.window()).isEqualTo(3);
      assertThat(r.category()).isEqualTo(Category.VIOLENCE_GRAPHIC);
      assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
    });
  }

  @Test
  void aPlainTermListIsAValidLexiconWithDocumentedDefaults() {
    Lexicon l = Lexicon.parse("foo\nbar baz\n", "my-list.txt");
    assertThat(l.id()).isEqualTo("my-list");
    assertThat(l.entries()).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.TERM);
      assertThat(e.label()).isEqualTo("profanity");
      assertThat(e.severity()).isEqualTo(Severity.HIGH);
      assertThat(e.match()).isEqualTo(MatchMode.WORD);
      assertThat(e.language()).isEqualTo("*");
    });
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    assertThatThrownBy(() -> Lexicon.parse("""
        @severity extreme
        @match fuzzy
        @category Not A Category
        ok term ; colour=red
        @unknown thing
        @rule broken rule
        """, "bad.lex"))
        .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.problems()).containsExactly(
            "bad.lex:1: severity must be low, medium, high or critical, got 'extreme'",
            "bad.lex:2: match must be word, stem, prefix, suffix or infix, got 'fuzzy'",
            "bad.lex:3: @category needs a category id such as 'sexual' or 'violence/graphic', got 'Not A Category'",
            "bad.lex:4: unknown attribute 'colour' (expected severity, match, language-only or id)",
            "bad.lex:5: unknown directive '@unknown' (expected @lexicon, @language, @category, "
                + "@marker, @allow, @severity, @match, @language-only or @rule)",
            "bad.lex:6: @rule must read 'NAME: A near B within N -> CATEGORY SEVERITY' or "
                + "'NAME: negative A with B -> CATEGORY SEVERITY', got 'broken rule'"))
        .hasMessageStartingWith("bad.lex:1: severity must be");
  }

  @Test
  void termsWithoutLettersOrDigitsAreSkippedWithAWarning() {
    Lexicon l = Lexicon.parse("ok\n\uD83D\uDD95\n...\n", "emoji.lex");
    assertThat(l.entries()).extracting(LexiconEntry::term).containsExactly("ok");
    assertThat(l.warnings()).containsExactly(
        "emoji.lex:2: term '\uD83D\uDD95' has no letters or digits once normalised; skipped",
        "emoji.lex:3: term '...' has no letters or digits once normalised; skipped");
  }

  @Test
  void aRuleNamingAnUndeclaredMarkerFailsTheBuild() {
    Lexicon l = Lexicon.parse("@rule r: ghost near sexual within 3 -> sexual high\n", "r.lex");
    assertThatThrownBy(() -> ModerationEngine.builder().addLexicon(l).build())
        .isInstanceOf(LexiconException.class).hasMessageContaining("'ghost' is neither a marker nor a category");
  }

  @Test
  void aHostLexiconAddsTermsAndExceptions(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("extra.lex");
    Files.writeString(file, "@category illicit\n@severity high\nzorbium\n@allow\nnude color\n",
        StandardCharsets.UTF_8);
    ModerationEngine engine = ModerationEngine.builder().addLexicon(Lexicon.load(file)).build();
    TextDecision d = engine.moderate(TextPrompt.of("a bag of z0rbium"));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.matches()).singleElement().satisfies(m -> assertThat(m.ruleId()).isEqualTo("extra.illicit.0001"));
  }

  @Test
  void anUnreadableFileIsAnIoErrorNamingTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> Lexicon.load(dir.resolve("missing.lex")))
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("missing.lex");
  }

  @Test
  void ldnoobwListsLoadAsPlainTermListsThroughTheSameFormat() throws IOException {
    Path dir = SharedData.require("wordlists/ldnoobw");
    List<String> languages = List.of("en", "es", "fr", "de", "pt", "it", "nl", "ru", "ja", "zh");
    List<Lexicon> lists = new ArrayList<>();
    for (String lang : languages) {
      String text = Files.readString(dir.resolve(lang), StandardCharsets.UTF_8);
      // The list as it is, after a header that says what its terms mean.
      Lexicon l = Lexicon.parse("@language " + lang + "\n@category sexual\n@severity high\n"
          + (lang.equals("ja") || lang.equals("zh") ? "@match infix\n" : "") + text, "ldnoobw-" + lang);
      assertThat(l.entries()).hasSizeGreaterThan(10);
      lists.add(l);
    }
    // The raw file, with no header at all, is a valid lexicon too.
    assertThat(Lexicon.load(dir.resolve("en")).entries()).hasSizeGreaterThan(300);

    ModerationEngine ldnoobw = ModerationEngine.builder().lexicons(lists).build();
    List<String> missed = new ArrayList<>();
    for (Lexicon l : lists) {
      for (LexiconEntry e : l.entries()) {
        TextDecision d = ldnoobw.moderate(TextPrompt.of("see " + e.term() + " here").withLanguage(e.language()));
        if (d.matches().isEmpty()) {
          missed.add(e.ruleId() + " " + e.term());
        }
      }
    }
    assertThat(missed).isEmpty();
  }
}
