package dev.warden.policy;

import java.time.Period;
import java.util.Set;

/**
 * Which data-subject rights the site honours and how fast it answers.
 *
 * @param responseTime the time to answer a request (GDPR: one month)
 * @param maxExtension how far the deadline may be extended for complex requests (GDPR: two months)
 * @param rights the rights honoured
 */
public record DataSubjectRights(Period responseTime, Period maxExtension, Set<DataSubjectRight> rights) {

  public DataSubjectRights {
    Checks.period(responseTime, true, "dataSubjectRights responseTime");
    Checks.period(maxExtension, false, "dataSubjectRights maxExtension");
    rights = Set.copyOf(rights);
  }
}
