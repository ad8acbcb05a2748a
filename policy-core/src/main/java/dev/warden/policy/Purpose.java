package dev.warden.policy;

import java.util.List;
import java.util.Objects;

/**
 * Why data is processed, on which legal basis, using which data categories and disclosed to whom.
 *
 * @param id identifier referenced by cookie categories
 * @param description what the purpose is, as the notice words it
 * @param legalBasis the legal basis
 * @param dataCategories ids of the data categories the purpose uses
 * @param recipients ids of the recipients data is disclosed to for this purpose
 */
public record Purpose(
    String id, String description, LegalBasis legalBasis, List<String> dataCategories,
    List<String> recipients) {

  public Purpose {
    Checks.id(id, "purpose id");
    Checks.text(description, "purpose description");
    Objects.requireNonNull(legalBasis, "legalBasis");
    dataCategories = Checks.ids(dataCategories, "purpose dataCategories");
    recipients = Checks.ids(recipients, "purpose recipients");
  }

  /** Whether processing for this purpose needs the person's consent. */
  public boolean needsConsent() {
    return legalBasis == LegalBasis.CONSENT;
  }
}
