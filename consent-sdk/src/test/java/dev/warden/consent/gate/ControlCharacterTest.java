package dev.warden.consent.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ControlCharacterTest {

  private static int firstControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void everyControlCharacterIsFoundAtItsOffsetWhateverSurroundsIt() {
    Random rnd = new Random(0x7F);
    String alphabet = "aZ09=;, \t\"\u00e9\u00ff\u0100\u4e2d\ud83d\ude00\u007f\u0000\r\n\u001f\u0080";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(120); k > 0; k--) {
        sb.append(rnd.nextInt(6) == 0 ? alphabet.charAt(rnd.nextInt(alphabet.length())) : (char) ('a' + rnd.nextInt(26)));
      }
      String s = sb.toString();
      int at = firstControl(s);
      if (at < 0) {
        CookieHeaders.rejectControls(s, "Set-Cookie");
      } else {
        assertThatThrownBy(() -> CookieHeaders.rejectControls(s, "Set-Cookie")).as("'%s'", s)
            .isInstanceOfSatisfying(CookieHeaderException.class, e -> {
              assertThat(e.offset()).isEqualTo(at);
              assertThat(e.getMessage()).contains(String.format("0x%02X", (int) s.charAt(at)));
            });
      }
    }
  }
}
