package dev.warden.moderation.internal;

/**
 * Look-alike letters, after Unicode TR39's confusables but written for Warden: Greek, IPA, small
 * capitals and the non-Russian Cyrillic letters always read as Latin; the Russian letters that look
 * Latin are mapped per token, depending on the token's script (see {@link TextNormalizer}).
 */
final class Confusables {

  private Confusables() {}

  // Pairs: look-alike, Latin. Lower case (the fold lower-cases first).
  private static final String ALWAYS_LATIN =
      // Greek
      "αaβbγyδdεeζzηnιiκkμuνvοoπnρpσoςcτtυuχxωwϲcϳj"
      // IPA, Latin extensions without a decomposition, small capitals
      + "ɑaɐaʙbᴄcɗdᴅdᴇeɛeғfɢgɡgʜhɪiɩiıiᴊjᴋkʟlᴍmɴnᴏoɵoøoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzđdħhłlŧtƀbɨiɇeƶzðdſs"
      // Cyrillic letters outside the Russian alphabet that only ever serve as Latin look-alikes
      + "іiјjѕsԁdԛqԝwӏlһhүyҳxѵvɜe";

  private static final char[] LATIN = new char[0x10000];

  // Russian letters that look like Latin ones, and back.
  private static final String CYRILLIC_LATIN = "аaвbеeкkмmнhоoрpсcтtуyхx";
  private static final char[] CYR_TO_LAT = new char[0x10000];
  private static final char[] LAT_TO_CYR = new char[0x10000];

  static {
    for (int i = 0; i < ALWAYS_LATIN.length(); i += 2) {
      LATIN[ALWAYS_LATIN.charAt(i)] = ALWAYS_LATIN.charAt(i + 1);
    }
    for (int i = 0; i < CYRILLIC_LATIN.length(); i += 2) {
      CYR_TO_LAT[CYRILLIC_LATIN.charAt(i)] = CYRILLIC_LATIN.charAt(i + 1);
      LAT_TO_CYR[CYRILLIC_LATIN.charAt(i + 1)] = CYRILLIC_LATIN.charAt(i);
    }
  }

  /** The Latin letter {@code c} always reads as, or 0. */
  static char latinLookAlike(char c) {
    return LATIN[c];
  }

  /** The Latin look-alike of a Russian letter, or 0. */
  static char cyrillicToLatin(char c) {
    return CYR_TO_LAT[c];
  }

  /** The Russian look-alike of a Latin letter, or 0. */
  static char latinToCyrillic(char c) {
    return LAT_TO_CYR[c];
  }

  static boolean isCyrillic(char c) {
    return c >= 0x0400 && c <= 0x04FF;
  }

  static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F);
  }
}
