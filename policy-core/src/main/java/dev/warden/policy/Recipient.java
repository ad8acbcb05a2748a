package dev.warden.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone personal data is disclosed to: a processor, a partner, an authority.
 *
 * @param id identifier referenced by purposes
 * @param name display name
 * @param thirdParty whether the recipient is outside the controller (adding one is a material change)
 * @param country optional ISO 3166-1 alpha-2 country code of the recipient
 */
public record Recipient(String id, String name, boolean thirdParty, Optional<String> country) {

  public Recipient {
    Checks.id(id, "recipient id");
    Checks.text(name, "recipient name");
    Objects.requireNonNull(country, "country");
    country.ifPresent(c -> Checks.require(countryProblem(c), "recipient country", c));
  }

  static String countryProblem(String c) {
    return c.matches("[A-Z]{2}") ? null : "must be an ISO 3166-1 alpha-2 code such as 'DE', got '" + c + "'";
  }
}
