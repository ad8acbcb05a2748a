package dev.warden.moderation.internal;

/** Receives the matches of a {@link TermAutomaton} scan, in order of their end offsets. */
@FunctionalInterface
public interface MatchSink {

  /**
   * Called once per occurrence of a pattern.
   *
   * @param pattern the pattern's index, in the order the patterns were compiled
   * @param end the exclusive end offset of the occurrence in the scanned text
   */
  void match(int pattern, int end);
}
