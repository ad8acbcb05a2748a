package dev.warden.moderation;

import dev.warden.moderation.internal.NormalizedText;
import dev.warden.moderation.internal.TermAutomaton;
import dev.warden.moderation.internal.TextNormalizer;
import dev.warden.policy.decision.Category;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * All lexicons compiled into one automaton: every term of every language, markers and allow-list
 * entries. Immutable and thread-safe.
 */
final class CompiledLexicons {

  /** The marker the built-in age recogniser produces for ages under 18. */
  static final String MINOR_MARKER = "minor";

  final List<Lexicon> lexicons;
  final LexiconEntry[] entries;
  final Category[] category;
  final String[] stem;
  final MatchMode[] mode;
  final TermAutomaton automaton;
  final int[] patternEntry;
  final byte[][] patternRuns;
  final long[] patternSpaces;
  final List<CombinationRule> rules;
  final Set<String> markers;

  private CompiledLexicons(List<Lexicon> lexicons, List<LexiconEntry> entries, List<Category> category,
      List<String> stem, List<MatchMode> mode, List<char[]> patterns, List<Integer> patternEntry,
      List<byte[]> runs, List<Long> spaces, List<CombinationRule> rules, Set<String> markers) {
    this.lexicons = List.copyOf(lexicons);
    this.entries = entries.toArray(new LexiconEntry[0]);
    this.category = category.toArray(new Category[0]);
    this.stem = stem.toArray(new String[0]);
    this.mode = mode.toArray(new MatchMode[0]);
    this.automaton = TermAutomaton.compile(patterns);
    this.patternEntry = patternEntry.stream().mapToInt(Integer::intValue).toArray();
    this.patternRuns = runs.toArray(new byte[0][]);
    this.patternSpaces = spaces.stream().mapToLong(Long::longValue).toArray();
    this.rules = List.copyOf(rules);
    this.markers = Set.copyOf(markers);
  }

  /**
   * Compiles lexicons.
   *
   * @throws LexiconException if a combination rule names a marker no lexicon declares
   */
  static CompiledLexicons compile(List<Lexicon> lexicons) {
    List<LexiconEntry> entries = new ArrayList<>();
    List<Category> category = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    List<MatchMode> modes = new ArrayList<>();
    List<char[]> patterns = new ArrayList<>();
    List<Integer> patternEntry = new ArrayList<>();
    List<byte[]> runs = new ArrayList<>();
    List<Long> spaces = new ArrayList<>();
    List<CombinationRule> rules = new ArrayList<>();
    Set<String> markers = new HashSet<>();
    markers.add(MINOR_MARKER);
    NormalizedText nt = new NormalizedText();
    for (Lexicon lex : lexicons) {
      for (LexiconEntry e : lex.entries()) {
        int index = entries.size();
        entries.add(e);
        category.add(e.kind() == EntryKind.TERM ? Category.of(e.label()) : null);
        if (e.kind() == EntryKind.MARKER) {
          markers.add(e.label());
        }
        TextNormalizer.normalize(e.term(), nt);
        String base = expand(nt);
        MatchMode mode = e.match();
        String stem = null;
        if (mode == MatchMode.STEM) {
          stem = Stemmers.stem(e.language(), base);
          if (stem == null || stem.isEmpty()) {
            mode = MatchMode.WORD; // no stemmer for the language: the word itself
            stem = null;
          } else {
            base = stem;
          }
        }
        stems.add(stem);
        modes.add(mode);
        addPattern(base, false, index, patterns, patternEntry, runs, spaces);
        if (base.contains(" ")) {
          // Spaced-out letters ("w e t t s h i r t") merge the letters either side of a space.
          addPattern(base, true, index, patterns, patternEntry, runs, spaces);
        }
      }
      rules.addAll(lex.rules());
    }
    List<String> unknown = new ArrayList<>();
    for (CombinationRule r : rules) {
      for (String n : List.of(r.first(), r.second())) {
        if (!markers.contains(n) && !isCategoryOf(n, category)) {
          unknown.add(r.ruleId() + ": '" + n + "' is neither a marker nor a category of any lexicon");
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new LexiconException("combination rules", unknown);
    }
    return new CompiledLexicons(lexicons, entries, category, stems, modes, patterns, patternEntry,
        runs, spaces, rules, markers);
  }

  private static boolean isCategoryOf(String name, List<Category> categories) {
    for (Category c : categories) {
      if (c != null && (c.id().equals(name) || c.parent().id().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** The normalised text with runs written out and a space at each hard boundary. */
  static String expand(NormalizedText nt) {
    StringBuilder sb = new StringBuilder(nt.length() + 4);
    for (int i = 0; i < nt.length(); i++) {
      if (i > 0 && (nt.flags(i) & NormalizedText.HARD) != 0) {
        sb.append(' ');
      }
      for (int r = 0; r < nt.run(i); r++) {
        sb.append(nt.chars()[i]);
      }
    }
    return sb.toString();
  }

  private static void addPattern(String v, boolean mergeAcrossSpaces, int entry,
      List<char[]> patterns, List<Integer> patternEntry, List<byte[]> runs, List<Long> spaces) {
    StringBuilder chars = new StringBuilder(v.length());
    byte[] run = new byte[v.length()];
    long space = 0;
    boolean anyRun = false;
    boolean pendingSpace = false;
    boolean merged = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ' ') {
        pendingSpace = true;
        continue;
      }
      int n = chars.length();
      if (n > 0 && (!pendingSpace || mergeAcrossSpaces) && chars.charAt(n - 1) == c
          && TextNormalizer.isWordChar(c)) {
        if (pendingSpace) {
          merged = true;
        }
        pendingSpace = false;
        run[n - 1]++;
        anyRun = true;
        continue;
      }
      if (pendingSpace && n > 0 && n < 64) {
        space |= 1L << n;
      }
      pendingSpace = false;
      chars.append(c);
      run[n] = 1;
    }
    if (mergeAcrossSpaces && !merged) {
      return; // the same as the pattern without merging
    }
    char[] p = chars.toString().toCharArray();
    patterns.add(p);
    patternEntry.add(entry);
    runs.add(anyRun ? java.util.Arrays.copyOf(run, p.length) : null);
    spaces.add(space);
  }

  /** Approximate heap taken by the compiled form, in bytes. */
  long ramBytesUsed() {
    long bytes = automaton.ramBytesUsed() + 4L * patternEntry.length + 8L * patternSpaces.length;
    for (byte[] r : patternRuns) {
      bytes += 8 + (r == null ? 0 : 16 + r.length);
    }
    for (LexiconEntry e : entries) {
      bytes += 120 + 2L * (e.term().length() + e.ruleId().length());
    }
    return bytes;
  }
}
