package dev.warden.moderation;

/** How a lexicon term must sit in the text to match. */
public enum MatchMode {
  /** A whole word (or words): word boundaries on both sides. The default. */
  WORD,
  /**
   * Any inflection of the word: the term's stem (from the language's Snowball stemmer in Lucene)
   * starts a word, and the word stems to the same stem. For inflected languages.
   */
  STEM,
  /** Starts a word; the word may go on ("porn" matches "pornstar"). */
  PREFIX,
  /** Ends a word; the word may begin with anything (German compounds ending in the term). */
  SUFFIX,
  /** Anywhere, even inside a word: compounds and scripts without spaces (Japanese, Chinese). */
  INFIX
}
