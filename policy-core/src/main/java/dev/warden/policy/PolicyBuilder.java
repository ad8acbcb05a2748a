package dev.warden.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Policy} in code. Not thread-safe; the policy it builds is.
 *
 * {@snippet :
 * Policy next = Policy.defaultPolicy().toBuilder()
 *     .version("2026-01-01")
 *     .addPurpose(new Purpose("newsletter", "Send the newsletter", LegalBasis.CONSENT,
 *         List.of("account"), List.of()))
 *     .build();
 * }
 */
public final class PolicyBuilder {

  private String id;
  private String version;
  private LocalDate effectiveDate;
  private Contact contact;
  private final List<DataCategory> dataCategories = new ArrayList<>();
  private final List<Recipient> recipients = new ArrayList<>();
  private final List<Purpose> purposes = new ArrayList<>();
  private final List<CookieCategory> cookieCategories = new ArrayList<>();
  private final List<RetentionRule> retention = new ArrayList<>();
  private final List<ContentRule> contentRules = new ArrayList<>();
  private EnforcementLadder enforcement;
  private ConsentSettings consent;
  private DataSubjectRights dataSubjectRights;

  PolicyBuilder() {}

  PolicyBuilder(Policy p) {
    id = p.id();
    version = p.version();
    effectiveDate = p.effectiveDate();
    contact = p.contact();
    dataCategories.addAll(p.dataCategories());
    recipients.addAll(p.recipients());
    purposes.addAll(p.purposes());
    cookieCategories.addAll(p.cookieCategories());
    retention.addAll(p.retention());
    contentRules.addAll(p.contentRules());
    enforcement = p.enforcement();
    consent = p.consent();
    dataSubjectRights = p.dataSubjectRights();
  }

  public PolicyBuilder id(String id) {
    this.id = Checks.text(id, "policy id");
    return this;
  }

  public PolicyBuilder version(String version) {
    this.version = Checks.text(version, "policy version");
    return this;
  }

  public PolicyBuilder effectiveDate(LocalDate effectiveDate) {
    this.effectiveDate = Objects.requireNonNull(effectiveDate, "effectiveDate");
    return this;
  }

  public PolicyBuilder contact(Contact contact) {
    this.contact = Objects.requireNonNull(contact, "contact");
    return this;
  }

  public PolicyBuilder addDataCategory(DataCategory c) {
    dataCategories.add(Objects.requireNonNull(c, "data category"));
    return this;
  }

  public PolicyBuilder addRecipient(Recipient r) {
    recipients.add(Objects.requireNonNull(r, "recipient"));
    return this;
  }

  public PolicyBuilder addPurpose(Purpose p) {
    purposes.add(Objects.requireNonNull(p, "purpose"));
    return this;
  }

  public PolicyBuilder addCookieCategory(CookieCategory c) {
    cookieCategories.add(Objects.requireNonNull(c, "cookie category"));
    return this;
  }

  /** Replaces the cookie category with the same id, or adds it. */
  public PolicyBuilder putCookieCategory(CookieCategory c) {
    Objects.requireNonNull(c, "cookie category");
    cookieCategories.removeIf(x -> x.id().equals(c.id()));
    cookieCategories.add(c);
    return this;
  }

  public PolicyBuilder addRetentionRule(RetentionRule r) {
    retention.add(Objects.requireNonNull(r, "retention rule"));
    return this;
  }

  /** Replaces the retention rule for the same data category, or adds it. */
  public PolicyBuilder putRetentionRule(RetentionRule r) {
    Objects.requireNonNull(r, "retention rule");
    retention.removeIf(x -> x.dataCategory().equals(r.dataCategory()));
    retention.add(r);
    return this;
  }

  public PolicyBuilder addContentRule(ContentRule r) {
    contentRules.add(Objects.requireNonNull(r, "content rule"));
    return this;
  }

  /** Replaces the content rule for the same category, or adds it. */
  public PolicyBuilder putContentRule(ContentRule r) {
    Objects.requireNonNull(r, "content rule");
    contentRules.removeIf(x -> x.category().equals(r.category()));
    contentRules.add(r);
    return this;
  }

  public PolicyBuilder enforcement(EnforcementLadder enforcement) {
    this.enforcement = Objects.requireNonNull(enforcement, "enforcement");
    return this;
  }

  public PolicyBuilder consent(ConsentSettings consent) {
    this.consent = Objects.requireNonNull(consent, "consent");
    return this;
  }

  public PolicyBuilder dataSubjectRights(DataSubjectRights rights) {
    this.dataSubjectRights = Objects.requireNonNull(rights, "dataSubjectRights");
    return this;
  }

  /**
   * Builds the policy.
   *
   * @throws IllegalStateException if a required part was never set
   * @throws PolicyValidationException if identifiers are duplicated or references dangle
   */
  public Policy build() {
    List<String> missing = new ArrayList<>();
    if (id == null) missing.add("id");
    if (version == null) missing.add("version");
    if (effectiveDate == null) missing.add("effectiveDate");
    if (contact == null) missing.add("contact");
    if (enforcement == null) missing.add("enforcement");
    if (consent == null) missing.add("consent");
    if (dataSubjectRights == null) missing.add("dataSubjectRights");
    if (!missing.isEmpty()) {
      throw new IllegalStateException("policy builder is missing " + String.join(", ", missing));
    }
    return new Policy(id, version, effectiveDate, contact, dataCategories, recipients, purposes,
        cookieCategories, retention, contentRules, enforcement, consent, dataSubjectRights);
  }
}
