package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.SharedData;
import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import java.io.StringReader;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenCookieDatabaseTest {

  private static final String HEADER = "ID,Platform,Category,Cookie / Data Key name,Domain,Description,"
      + "Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n";

  private static CookieCatalog load(String rows) {
    return CookieCatalog.openCookieDatabase(new StringReader(HEADER + rows), "test.csv");
  }

  private static CookieClass classOf(CookieCatalog c, String name) {
    return c.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().cookieClass();
  }

  @Test
  void categoriesMapToPurposeClasses() {
    CookieCatalog c = load("""
        1,AdCo,Marketing,adco_id,,Tracks visitors for ads,1 year,AdCo,,0
        2,StatCo,Analytics,stat_id,,Counts visits,2 years,StatCo,,0
        3,Shield,Security,shield_chk,,Checks requests,session,Shield,,0
        4,Prefs,Personalization,font_pref,,Remembers the font,1 year,Prefs,,0
        """);
    assertThat(c.entries()).extracting(CatalogEntry::cookieClass).containsExactly(
        CookieClass.ADVERTISING, CookieClass.ANALYTICS, CookieClass.NECESSARY, CookieClass.FUNCTIONAL);
  }

  @Test
  void functionalRowsAreSplitByPurpose() {
    CookieCatalog c = load("""
        1,CMP,Functional,cmp_choice,,Stores the user's cookie consent state,1 year,CMP,,0
        2,Fw,Functional,fw_xsrf,,Protects against cross-site request forgery,session,Fw,,0
        3,Shop,Functional,shop_basket,,Keeps the contents of the shopping cart,session,Shop,,0
        4,Site,Functional,site_lang,,Remembers the language the visitor chose,1 year,Site,,0
        5,AdNet,Marketing,adnet_uid,,Ad targeting id,1 year,AdNet,,0
        6,AdNet,Marketing,adnet_seg,,Audience segments,1 year,AdNet,,0
        7,AdNet,Marketing,adnet_frq,,Frequency capping,1 year,AdNet,,0
        8,AdNet,Functional,adnet_test,,Checks whether the browser accepts cookies,1 minute,AdNet,,0
        9,Rec,Analytics,rec_a,,Session recording,1 year,Rec,,0
        10,Rec,Analytics,rec_b,,Session recording,1 year,Rec,,0
        11,Rec,Analytics,rec_c,,Heatmaps,1 year,Rec,,0
        12,Rec,Functional,rec_in_progress,,Set while a session is in progress,30 minutes,Rec,,0
        13,Web,Functional,web_sid,,Keeps the user's session,session,Web,,0
        14,Pub,Functional,pub_sync,,Synchronises ids with advertising partners,1 day,Pub,,0
        15,Cloudflare,Functional,cf_edge,,Used by the edge network,session,Cloudflare,,0
        16,Cloudflare,Functional,cf_lang,,Stores the preferred language,1 year,Cloudflare,,0
        17,Idp,Functional,idp_state,,Keeps the user logged-in between pages,session,Idp,,0
        18,Guard,Functional,guard_c,,Tells automated traffic from people,session,Guard,,0
        19,CMP,Functional,cmp_seen,,Set when the visitor has accepted,1 year,CMP,,0
        """);
    assertThat(classOf(c, "cmp_choice")).as("the consent record").isEqualTo(CookieClass.NECESSARY);
    assertThat(classOf(c, "fw_xsrf")).isEqualTo(CookieClass.NECESSARY);
    assertThat(classOf(c, "shop_basket")).isEqualTo(CookieClass.NECESSARY);
    assertThat(classOf(c, "site_lang")).isEqualTo(CookieClass.FUNCTIONAL);
    assertThat(classOf(c, "adnet_test")).as("an ad network's cookie test").isEqualTo(CookieClass.ADVERTISING);
    assertThat(classOf(c, "rec_in_progress")).as("a recorder's session marker").isEqualTo(CookieClass.ANALYTICS);
    assertThat(classOf(c, "web_sid")).isEqualTo(CookieClass.NECESSARY);
    assertThat(classOf(c, "pub_sync")).isEqualTo(CookieClass.ADVERTISING);
    assertThat(classOf(c, "cf_edge")).as("an infrastructure vendor's cookie").isEqualTo(CookieClass.NECESSARY);
    assertThat(classOf(c, "cf_lang")).as("a preference, whoever sets it").isEqualTo(CookieClass.FUNCTIONAL);
    assertThat(classOf(c, "idp_state")).isEqualTo(CookieClass.NECESSARY);
    assertThat(classOf(c, "guard_c")).isEqualTo(CookieClass.NECESSARY);
    assertThat(classOf(c, "cmp_seen")).isEqualTo(CookieClass.NECESSARY);
  }

  @Test
  void wildcardRowsArePrefixesAndDomainsAndRetentionAreRead() {
    CookieCatalog c = load("""
        1,V,Analytics,_v_ses_,.v.example (3rd party) or .v2.example (3rd party),x,13 months,V,,1
        2,V,Analytics,_v_id,,x,Session,V,,0
        3,V,Analytics,_v_x,,x,Unknown,V,,0
        """);
    CatalogEntry e = c.entries().get(0);
    assertThat(e.match()).isEqualTo(CookieMatch.PREFIX);
    assertThat(e.domains()).containsExactly("v.example", "v2.example");
    assertThat(e.thirdParty()).isTrue();
    assertThat(e.lifetime()).contains(Duration.ofDays(390));
    assertThat(c.entries().get(1).lifetime()).contains(Duration.ZERO);
    assertThat(c.entries().get(2).lifetime()).isEqualTo(Optional.empty());
    assertThat(c.find(Cookie.builder("_v_ses_123").domain("v.example").build())).contains(e);
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
    CookieCatalog c = load("1,V,Analytics,\"a,b\",,\"says \"\"hi\"\"\nand more\",1 day,V,,0\n2,V,Marketing,c,,d,1 day,V,,0\n");
    assertThat(c.entries()).extracting(CatalogEntry::name).containsExactly("a,b", "c");
  }

  @Test
  void malformedFilesAreRefusedNamingTheLine() {
    assertThatThrownBy(() -> CookieCatalog.openCookieDatabase(new StringReader(""), "e.csv"))
        .isInstanceOf(CookieCatalogException.class).hasMessageStartingWith("e.csv: the file is empty");
    assertThatThrownBy(() -> CookieCatalog.openCookieDatabase(new StringReader("Name,Category\nx,Analytics\n"), "h.csv"))
        .hasMessageStartingWith("h.csv:1: missing column 'Cookie / Data Key name'");
    assertThatThrownBy(() -> load("1,V,Analytics,x,,d,1 day,V,,0\n2,V,Analytics,y,,d\n"))
        .hasMessage("test.csv:3: expected 10 fields as in the header, got 6");
    assertThatThrownBy(() -> load("1,V,Cookies,x,,d,1 day,V,,0\n"))
        .hasMessageStartingWith("test.csv:2: unknown category 'Cookies'");
    assertThatThrownBy(() -> load("1,V,Analytics,,,d,1 day,V,,0\n"))
        .hasMessage("test.csv:2: the cookie name (column 'Cookie / Data Key name') is empty");
    assertThatThrownBy(() -> load("1,V,Analytics,x,,d,1 day,V,,2\n"))
        .hasMessage("test.csv:2: 'Wildcard match' must be 0 or 1, got '2'");
    assertThatThrownBy(() -> load("1,V,Analytics,\"x,,d,1 day,V,,0\n"))
        .hasMessage("test.csv:2: a quoted field is not closed before the end of the file");
    assertThatThrownBy(() -> CookieCatalog.openCookieDatabase(java.nio.file.Path.of("/nonexistent/ocd.csv")))
        .hasMessage("/nonexistent/ocd.csv: no such file");
  }

  @Test
  void theOpenCookieDatabaseLoadsWithTheDocumentedMapping() {
    CookieCatalog ocd = CookieCatalog.openCookieDatabase(SharedData.require("cookies/open-cookie-database.csv"));
    assertThat(ocd.size()).isEqualTo(2264);
    Map<CookieClass, Integer> counts = new EnumMap<>(CookieClass.class);
    ocd.entries().forEach(e -> counts.merge(e.cookieClass(), 1, Integer::sum));
    // Pinned so that a change of the mapping rules is a visible decision (docs/cookie-classification.md).
    assertThat(counts).isEqualTo(Map.of(CookieClass.NECESSARY, 554, CookieClass.FUNCTIONAL, 313,
        CookieClass.ANALYTICS, 469, CookieClass.ADVERTISING, 928));
    List<CatalogEntry> functionalRows = ocd.entries().stream().filter(e -> e.sourceCategory().equals("Functional")).toList();
    assertThat(functionalRows).hasSize(977);
  }
}
