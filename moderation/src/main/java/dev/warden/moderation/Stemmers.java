package dev.warden.moderation;

import java.util.List;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/** Lucene's Snowball stemmers by language; one per thread and language, as they keep state. */
final class Stemmers {

  private Stemmers() {}

  /** Whether {@code language} has a stemmer. */
  static boolean supports(String language) {
    return create(language) != null;
  }

  private static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt", "it", "nl", "ru");
  private static final ThreadLocal<SnowballStemmer[]> CACHE =
      ThreadLocal.withInitial(() -> new SnowballStemmer[LANGUAGES.size()]);

  /** The stem of a lower-case word, or null when the language has no stemmer. */
  static String stem(String language, String word) {
    int i = LANGUAGES.indexOf(language);
    if (i < 0) {
      return null;
    }
    SnowballStemmer[] cache = CACHE.get();
    if (cache[i] == null) {
      cache[i] = create(language);
    }
    SnowballStemmer s = cache[i];
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
