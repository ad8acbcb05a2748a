package dev.warden.consent.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.consent.SharedData;
import org.junit.jupiter.api.Test;

class CookieEvaluationTest {

  @Test
  void wardenBeatsTheDatabaseLookupOnUnseenOpenCookieDatabaseNames() {
    CookieCatalog ocd = CookieCatalog.openCookieDatabase(SharedData.require("cookies/open-cookie-database.csv"));
    for (CookieEvaluation.Split split : CookieEvaluation.Split.values()) {
      for (LearnedModel m : new LearnedModel[] {LearnedModel.MAXENT, LearnedModel.NAIVE_BAYES}) {
        CookieEvaluation.Report r = CookieEvaluation.crossValidate(ocd, 5, 42, split, m);
        System.out.println(split + " " + m + " " + r.classCounts());
        for (CookieEvaluation.Scores s : r.systems()) {
          System.out.printf("  %-70s acc %.3f bal %.3f %s%n", s.system(), s.accuracy(), s.balancedAccuracy(), s.confusion());
        }
        assertThat(r.systems().get(1).accuracy()).isGreaterThan(r.systems().get(0).accuracy());
      }
    }
  }
}
