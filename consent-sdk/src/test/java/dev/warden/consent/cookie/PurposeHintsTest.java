package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.CookieClass;
import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PurposeHintsTest {

  private static int bit(CookieClass c) {
    return 1 << c.ordinal();
  }

  private static int word(PurposeHints h, String w) {
    return h.word(w.toCharArray(), 0, w.length());
  }

  private static int stems(PurposeHints h, String text) {
    return h.stems(text.toCharArray(), text.length());
  }

  @Test
  void wordsMatchWholeTokensAndStemsMatchInside() throws Exception {
    PurposeHints h = PurposeHints.read(new BufferedReader(new StringReader("""
        # a comment
        necessary: sess csrf consent*
        functional: lang
        advertising: ads consent
        """)), "test");
    assertThat(word(h, "sess")).isEqualTo(bit(CookieClass.NECESSARY));
    assertThat(word(h, "session")).isZero();
    assertThat(word(h, "consent")).isEqualTo(bit(CookieClass.ADVERTISING));
    assertThat(stems(h, "_cookieconsent_status")).isEqualTo(bit(CookieClass.NECESSARY));
    assertThat(stems(h, "consen")).isZero();
    assertThat(word(h, "lang") | word(h, "ads")).isEqualTo(bit(CookieClass.FUNCTIONAL) | bit(CookieClass.ADVERTISING));
  }

  @Test
  void theShippedHintsCoverEachClass() {
    PurposeHints h = PurposeHints.BUILT_IN;
    assertThat(word(h, "csrf")).isEqualTo(bit(CookieClass.NECESSARY));
    assertThat(word(h, "currency")).isEqualTo(bit(CookieClass.FUNCTIONAL));
    assertThat(word(h, "pageview")).isEqualTo(bit(CookieClass.ANALYTICS));
    assertThat(word(h, "retarget")).isEqualTo(bit(CookieClass.ADVERTISING));
    assertThat(stems(h, "mycookieconsentstate") & bit(CookieClass.NECESSARY)).isNotZero();
  }

  @Test
  void aMalformedHintFileIsRefusedWithItsLine() {
    assertThatThrownBy(() -> PurposeHints.read(new BufferedReader(new StringReader("necessary sess\n")), "h.txt"))
        .hasMessage("h.txt:1: expected 'class: word word ...'");
    assertThatThrownBy(() -> PurposeHints.read(new BufferedReader(new StringReader("tasty: cookie\n")), "h.txt"))
        .hasMessage("h.txt:1: unknown class 'tasty'");
    assertThatThrownBy(() -> PurposeHints.read(new BufferedReader(new StringReader("\nnecessary: ab*\n")), "h.txt"))
        .hasMessage("h.txt:2: stem 'ab*' is shorter than 4");
  }
}
