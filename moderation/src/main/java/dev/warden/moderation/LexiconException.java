package dev.warden.moderation;

import java.util.List;

/**
 * A lexicon could not be read or compiled. Carries every problem found, each as {@code
 * source:line: message}.
 */
public class LexiconException extends ModerationException {

  private static final long serialVersionUID = 1L;

  /** The problems, each naming the source and line. */
  private final List<String> problems;

  public LexiconException(String source, List<String> problems) {
    super(problems.isEmpty() ? source + ": invalid lexicon"
        : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
            + (problems.size() > 1 ? "\n" + String.join("\n", problems.subList(1, problems.size())) : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, as {@code source:line: message}. */
  public List<String> problems() {
    return problems;
  }
}
