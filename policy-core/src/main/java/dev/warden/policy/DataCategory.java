package dev.warden.policy;

/**
 * A category of data the site processes, such as account data or usage data.
 *
 * @param id identifier referenced by purposes and retention rules
 * @param description what the category holds
 * @param personal whether the data relates to an identifiable person
 */
public record DataCategory(String id, String description, boolean personal) {

  public DataCategory {
    Checks.id(id, "data category id");
    Checks.text(description, "data category description");
  }
}
