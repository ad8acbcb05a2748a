package dev.warden.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells the language of a prompt: from its script when the script settles it (Cyrillic, kana,
 * Han, Hangul), else with OpenNLP's detector from {@code opennlp-models-langdetect}, loaded on
 * first use from the class path. Thread-safe.
 */
final class LanguageIdentifier {

  /** Below this many words the detector guesses; such prompts stay undetermined. */
  static final int MIN_WORDS = 3;
  /**
   * How far ahead of the runner-up the best language must be. The model spreads probability over
   * 103 languages, so absolute confidences are small; the ratio is what separates a sure answer.
   */
  static final double MIN_LEAD = 1.05;
  private static final int MAX_CHARS = 2000;
  private static final String MODEL = "langdetect-183.bin";
  private static final Map<String, String> ISO3 = Map.ofEntries(
      Map.entry("eng", "en"), Map.entry("spa", "es"), Map.entry("fra", "fr"),
      Map.entry("deu", "de"), Map.entry("por", "pt"), Map.entry("ita", "it"),
      Map.entry("nld", "nl"), Map.entry("rus", "ru"), Map.entry("jpn", "ja"),
      Map.entry("cmn", "zh"), Map.entry("zho", "zh"), Map.entry("kor", "ko"),
      Map.entry("pol", "pl"), Map.entry("tur", "tr"), Map.entry("swe", "sv"),
      Map.entry("dan", "da"), Map.entry("nor", "no"), Map.entry("nob", "no"),
      Map.entry("fin", "fi"), Map.entry("ces", "cs"), Map.entry("ukr", "uk"),
      Map.entry("ron", "ro"), Map.entry("hun", "hu"), Map.entry("cat", "ca"),
      Map.entry("ell", "el"), Map.entry("ara", "ar"), Map.entry("hin", "hi"));

  private LanguageIdentifier() {}

  /** The language the script alone settles, if any. */
  static Optional<String> byScript(CharSequence text, int limit) {
    int n = Math.min(text.length(), limit);
    int first = 0;
    while (first < n && text.charAt(first) < 0x0400) {
      first++;
    }
    if (first == n) {
      return Optional.empty(); // no character of another script: the common case, decided fast
    }
    int kana = 0;
    int han = 0;
    int cyrillic = 0;
    int hangul = 0;
    int latin = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x0400) {
        latin += Character.isLetter(c) ? 1 : 0;
      } else if (c <= 0x04FF) {
        cyrillic++;
      } else if (c >= 0x3040 && c <= 0x30FF) {
        kana++;
      } else if (c >= 0x4E00 && c <= 0x9FFF) {
        han++;
      } else if (c >= 0xAC00 && c <= 0xD7A3) {
        hangul++;
      }
    }
    if (kana > 0 && kana + han >= latin) {
      return Optional.of("ja");
    }
    if (han > 0 && han >= latin) {
      return Optional.of("zh");
    }
    if (hangul > 0 && hangul >= latin) {
      return Optional.of("ko");
    }
    if (cyrillic > latin) {
      return Optional.of("ru");
    }
    return Optional.empty();
  }

  /** The detected language, when the text has enough words and the detector is confident. */
  static Optional<String> detect(CharSequence text) {
    Optional<String> script = byScript(text, MAX_CHARS);
    if (script.isPresent()) {
      return script;
    }
    String t = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS).toString() : text.toString();
    if (t.strip().split("\\s+").length < MIN_WORDS) {
      return Optional.empty();
    }
    Language[] ranked = Detector.DETECTOR.get().predictLanguages(t);
    if (ranked.length == 0
        || ranked.length > 1 && ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
      return Optional.empty();
    }
    return Optional.ofNullable(ISO3.get(ranked[0].getLang()));
  }

  private static final class Detector {
    static final LanguageDetectorModel MODEL_INSTANCE = load();
    static final ThreadLocal<LanguageDetectorME> DETECTOR =
        ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL_INSTANCE));

    private static LanguageDetectorModel load() {
      // A root resource of the model jar: the class loader sees it on the class and module path.
      try (InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream(MODEL)) {
        if (in == null) {
          throw new ModerationException("language model " + MODEL
              + " is not on the class path (add org.apache.opennlp:opennlp-models-langdetect)");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read language model " + MODEL, e);
      }
    }
  }
}
