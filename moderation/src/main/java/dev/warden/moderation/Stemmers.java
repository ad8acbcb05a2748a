package dev.warden.moderation;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/** Lucene's Snowball stemmers by language; a new stemmer per call, as they keep state. */
final class Stemmers {

  private Stemmers() {}

  /** Whether {@code language} has a stemmer. */
  static boolean supports(String language) {
    return create(language) != null;
  }

  /** The stem of a lower-case word, or null when the language has no stemmer. */
  static String stem(String language, String word) {
    SnowballStemmer s = create(language);
    if (s == null) {
      return null;
    }
    s.setCurrent(word);
    s.stem();
    return s.getCurrent();
  }

  private static SnowballStemmer create(String language) {
    return switch (language) {
      case "en" -> new EnglishStemmer();
      case "es" -> new SpanishStemmer();
      case "fr" -> new FrenchStemmer();
      case "de" -> new GermanStemmer();
      case "pt" -> new PortugueseStemmer();
      case "it" -> new ItalianStemmer();
      case "nl" -> new DutchStemmer();
      case "ru" -> new RussianStemmer();
      default -> null;
    };
  }
}
