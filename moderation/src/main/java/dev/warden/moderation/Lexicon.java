package dev.warden.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed lexicon: terms per category with severity and match mode, markers for combination
 * rules, allow-list entries, and the combination rules. Immutable and thread-safe.
 *
 * <p>The text format ({@code docs/lexicon-format.md}) is line-oriented: directives such as
 * {@code @language en}, {@code @category sexual}, {@code @severity high} set what the terms below
 * them mean, and a file of bare terms, one per line, is a valid lexicon (of {@code profanity} terms
 * of severity {@code high} in any language, matched as whole words).
 *
 * {@snippet :
 * Lexicon mine = Lexicon.load(Path.of("extra-terms.lex"));
 * ModerationEngine engine = ModerationEngine.builder().addLexicon(mine).build();
 * }
 */
public final class Lexicon {

  /** The languages of the built-in lexicons. */
  public static final List<String> BUILT_IN_LANGUAGES =
      List.of("en", "es", "fr", "de", "pt", "it", "nl", "ru", "ja", "zh");

  private static final List<String> BUILT_IN_FILES;

  static {
    List<String> files = new ArrayList<>(BUILT_IN_LANGUAGES);
    files.add("people");
    files.add("rules");
    BUILT_IN_FILES = List.copyOf(files);
  }

  private final String id;
  private final String source;
  private final List<LexiconEntry> entries;
  private final List<CombinationRule> rules;
  private final List<String> warnings;

  Lexicon(String id, String source, List<LexiconEntry> entries, List<CombinationRule> rules,
      List<String> warnings) {
    this.id = id;
    this.source = source;
    this.entries = List.copyOf(entries);
    this.rules = List.copyOf(rules);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Parses a lexicon.
   *
   * @param text the lexicon text
   * @param sourceName how to name the source in errors and, without an {@code @lexicon}
   *     directive, the lexicon's id (its file name without extension)
   * @throws LexiconException listing every problem with its line
   */
  public static Lexicon parse(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    return LexiconParser.parse(text, sourceName);
  }

  /**
   * Reads and parses a UTF-8 lexicon file.
   *
   * @throws LexiconException listing every problem with its line
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Lexicon load(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + file + ": " + e.getMessage(), e);
    }
  }

  /** The lexicons Warden ships: one per built-in language, well-known people, and the rules. */
  public static List<Lexicon> builtIn() {
    return BuiltIn.LEXICONS;
  }

  /** The lexicon's id, the first part of its entries' rule ids. */
  public String id() {
    return id;
  }

  /** Where the lexicon came from, for messages. */
  public String source() {
    return source;
  }

  /** Every term, marker and allow-list entry, in file order. */
  public List<LexiconEntry> entries() {
    return entries;
  }

  /** The combination rules. */
  public List<CombinationRule> rules() {
    return rules;
  }

  /**
   * Lines that were skipped without failing, as {@code source:line: message}: terms with no
   * letters or digits (emoji, punctuation), which no prompt could be matched on.
   */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "Lexicon[" + id + ", " + entries.size() + " entries, " + rules.size() + " rules]";
  }

  private static final class BuiltIn {
    static final List<Lexicon> LEXICONS;

    static {
      List<Lexicon> all = new ArrayList<>();
      for (String name : BUILT_IN_FILES) {
        String resource = "lexicons/" + name + ".lex";
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("built-in lexicon missing: " + resource);
          }
          all.add(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".lex"));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read built-in lexicon " + resource, e);
        }
      }
      LEXICONS = List.copyOf(all);
    }
  }
}
