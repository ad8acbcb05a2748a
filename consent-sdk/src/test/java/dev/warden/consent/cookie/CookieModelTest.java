package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.warden.policy.Policy;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CookieModelTest {

  private static CookieModel maxent;

  @BeforeAll
  static void train() {
    maxent = CookieClassifier.builder().policy(Policy.defaultPolicy()).build().model();
  }

  private static FeatureInput random(Random rnd) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789_-.:$\u00e9\u4e2d";
    String[] words = {"session", "lang", "ads", "visitor", "consent", "csrf", "track", "theme", "uid", "stats"};
    StringBuilder name = new StringBuilder();
    int parts = 1 + rnd.nextInt(4);
    for (int p = 0; p < parts; p++) {
      if (rnd.nextBoolean()) {
        name.append(words[rnd.nextInt(words.length)]);
      } else {
        for (int k = rnd.nextInt(9); k > 0; k--) {
          name.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
      }
      name.append(rnd.nextBoolean() ? "_" : "");
    }
    if (name.isEmpty()) {
      name.append('x');
    }
    String[] domains = {"", "ads.tracker.net", ".stats.example.org", "cdn.shop.co.uk", "x"};
    String value = rnd.nextBoolean() ? "" : Long.toHexString(rnd.nextLong()) + (rnd.nextBoolean() ? "" : "-GA1.2.3");
    long life = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(100_000_000);
    return new FeatureInput(name.toString(), value, domains[rnd.nextInt(domains.length)], life, rnd.nextInt(3) - 1);
  }

  @Test
  void theCompiledModelGivesOpenNlpsProbabilities() {
    Random rnd = new Random(5_2026L);
    for (int i = 0; i < 3000; i++) {
      FeatureInput in = random(rnd);
      double[] fast = maxent.probabilities(in).clone();
      double[] reference = maxent.probabilitiesByOpenNlp(in);
      for (int o = 0; o < fast.length; o++) {
        assertThat(fast[o]).as("%s, class %d", in, o).isCloseTo(reference[o], within(1e-9));
      }
    }
  }

  @Test
  void aPredictionIsTheMostProbableClassWithItsProbability() {
    FeatureInput in = new FeatureInput("acme_csrf_token", "", "", 0, 0);
    double[] p = maxent.probabilities(in).clone();
    CookieModel.Prediction pred = maxent.predict(in);
    int best = java.util.List.of(maxent.outcomes()).indexOf(pred.label());
    for (double q : p) {
      assertThat(pred.probability()).isGreaterThanOrEqualTo(q);
    }
    assertThat(pred.probability()).isEqualTo(p[best]);
    assertThat(pred.describe()).startsWith("model: " + pred.label().name().toLowerCase(java.util.Locale.ROOT) + " p=");
  }
}
