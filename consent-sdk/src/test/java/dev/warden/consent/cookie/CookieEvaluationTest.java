package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.consent.SharedData;
import dev.warden.policy.CookieClass;
import dev.warden.policy.CookieMatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieEvaluationTest {

  @Test
  void wardenBeatsTheDatabaseLookupOnOpenCookieDatabaseNamesItWasNotGiven() {
    CookieCatalog ocd = CookieCatalog.openCookieDatabase(SharedData.require("cookies/open-cookie-database.csv"));
    CookieEvaluation.Report r = CookieEvaluation.crossValidate(ocd, 5, 42, CookieEvaluation.Split.STRATIFIED,
        LearnedModel.MAXENT);
    CookieEvaluation.Scores lookup = r.systems().get(0);
    CookieEvaluation.Scores warden = r.systems().get(1);
    assertThat(lookup.cookies()).isEqualTo(2264);
    assertThat(warden.accuracy()).isGreaterThan(lookup.accuracy() + 0.15);
    assertThat(warden.balancedAccuracy()).isGreaterThan(lookup.balancedAccuracy() + 0.2);
  }

  @Test
  void scoresCountEveryRowOnceAndBalancedAccuracyAveragesRecall() {
    List<CatalogEntry> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(CatalogEntry.of("sess_" + i, CookieMatch.EXACT, CookieClass.NECESSARY, "A" + i));
      rows.add(CatalogEntry.of("ads_" + i, CookieMatch.EXACT, CookieClass.ADVERTISING, "B" + i));
    }
    CookieEvaluation.Report r = CookieEvaluation.crossValidate(CookieCatalog.of("toy", rows), 3, 1,
        CookieEvaluation.Split.BY_VENDOR, LearnedModel.MAXENT);
    for (CookieEvaluation.Scores s : r.systems()) {
      int total = 0;
      for (CookieClass a : CookieClass.values()) {
        for (CookieLabel p : CookieLabel.values()) {
          total += s.count(a, p);
        }
      }
      assertThat(total).isEqualTo(60);
    }
    // The toy names separate perfectly on their first token.
    assertThat(r.systems().get(1).accuracy()).isEqualTo(1.0);
    // The lookup knows none of the test names, so it always answers its training folds' majority.
    CookieEvaluation.Scores lookup = r.systems().get(0);
    assertThat(lookup.count(CookieClass.NECESSARY, CookieLabel.NECESSARY) + lookup.count(CookieClass.ADVERTISING,
        CookieLabel.ADVERTISING)).isEqualTo((int) Math.round(lookup.accuracy() * 60));
    assertThat(lookup.accuracy()).isLessThan(0.6);
  }

  @Test
  void trainingFoldsAreMappedFromTheirOwnRowsOnly() {
    // AdNet's Functional row is advertising because of AdNet's three Marketing rows; a training fold
    // that holds only one of them must not learn that from the rows held out.
    CookieCatalog c = CookieCatalog.openCookieDatabase(new java.io.StringReader("""
        ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,\
        User Privacy & GDPR Rights Portals,Wildcard match
        1,AdNet,Marketing,adnet_a,,x,1 year,AdNet,,0
        2,AdNet,Marketing,adnet_b,,x,1 year,AdNet,,0
        3,AdNet,Marketing,adnet_c,,x,1 year,AdNet,,0
        4,AdNet,Functional,adnet_pref,,x,1 year,AdNet,,0
        """), "t.csv");
    assertThat(c.entries().get(3).cookieClass()).isEqualTo(CookieClass.ADVERTISING);
    List<CatalogEntry> all = CookieEvaluation.trainingRows(c.entries(), c.ocdRows(), List.of(0, 1, 2, 3));
    assertThat(all.get(3).cookieClass()).isEqualTo(CookieClass.ADVERTISING);
    List<CatalogEntry> part = CookieEvaluation.trainingRows(c.entries(), c.ocdRows(), List.of(0, 3));
    assertThat(part.get(1).cookieClass()).isEqualTo(CookieClass.FUNCTIONAL);
    assertThat(part.get(1).sourceCategory()).isEqualTo("Functional");
  }

  @Test
  void theModelsConfidenceIsScoredForCalibrationAndTheLookupsIsNot() {
    List<CatalogEntry> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(CatalogEntry.of("sess_" + i, CookieMatch.EXACT, CookieClass.NECESSARY, "A" + i));
      rows.add(CatalogEntry.of("ads_" + i, CookieMatch.EXACT, CookieClass.ADVERTISING, "B" + i));
    }
    CookieEvaluation.Report r = CookieEvaluation.crossValidate(CookieCatalog.of("toy", rows), 3, 1,
        CookieEvaluation.Split.STRATIFIED, LearnedModel.MAXENT);
    assertThat(r.systems().get(0).calibrationError()).isNaN();
    assertThat(r.systems().get(2).calibrationError()).isBetween(0.0, 1.0);
  }

  @Test
  void agreementCountsOnlyNamesBothCatalogsKnowExactly() {
    CookieCatalog a = CookieCatalog.of("a", List.of(
        CatalogEntry.of("_ga", CookieMatch.EXACT, CookieClass.ANALYTICS, "x"),
        CatalogEntry.of("PHPSESSID", CookieMatch.EXACT, CookieClass.FUNCTIONAL, "x"),
        CatalogEntry.of("zz_unknown", CookieMatch.EXACT, CookieClass.ADVERTISING, "x"),
        CatalogEntry.of("_gid", CookieMatch.PREFIX, CookieClass.ANALYTICS, "x")));
    CookieEvaluation.Agreement g = CookieEvaluation.agreement(a, CookieCatalog.builtIn());
    assertThat(g.shared()).isEqualTo(2);
    assertThat(g.agreeing()).as("_ga agrees; PHPSESSID is necessary in the built-in catalog").isEqualTo(1);
    assertThat(g.rate()).isEqualTo(0.5);
  }

  @Test
  void foldsMustBeAtLeastTwo() {
    CookieCatalog c = CookieCatalog.of("x", List.of(CatalogEntry.of("a", CookieMatch.EXACT, CookieClass.NECESSARY, "v")));
    assertThatThrownBy(() -> CookieEvaluation.crossValidate(c, 1, 0, CookieEvaluation.Split.STRATIFIED,
        LearnedModel.MAXENT)).hasMessage("folds must be in [2, 1], got 1");
  }
}
