package dev.warden.policy;

import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.PolicyRef;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned privacy and content policy: what a site's notice promises, in a form code can
 * enforce. Immutable and safe to share between threads.
 *
 * <p>Load one from JSON with {@link #load(Path)} or {@link #parse(String, String)} (the format is
 * documented in {@code docs/policy-format.md}), start from the embedded {@link #defaultPolicy()},
 * or build one in code with {@link #builder()}. Every way in checks the same rules and reports all
 * problems together in a {@link PolicyValidationException}.
 *
 * {@snippet :
 * Policy policy = Policy.load(Path.of("policy.json"));
 * Action action = policy.actionFor(Category.SEXUAL, Severity.HIGH);
 * }
 *
 * @param id the policy's identifier
 * @param version the policy's version; a new version of the same id is compared with {@link
 *     PolicyDiff}
 * @param effectiveDate the date the policy takes effect
 * @param contact the controller's privacy contact
 * @param dataCategories the categories of data processed
 * @param recipients who data is disclosed to
 * @param purposes why data is processed and on which legal basis
 * @param cookieCategories the cookie categories and their consent rules
 * @param retention how long each data category is kept
 * @param contentRules what happens to content of each moderation category
 * @param enforcement how accounts are treated as violations add up
 * @param consent how long consent lasts
 * @param dataSubjectRights which rights are honoured and how fast
 */
public record Policy(
    String id,
    String version,
    LocalDate effectiveDate,
    Contact contact,
    List<DataCategory> dataCategories,
    List<Recipient> recipients,
    List<Purpose> purposes,
    List<CookieCategory> cookieCategories,
    List<RetentionRule> retention,
    List<ContentRule> contentRules,
    EnforcementLadder enforcement,
    ConsentSettings consent,
    DataSubjectRights dataSubjectRights) {

  /** The action for a category that has no content rule (and whose parent has none): review. */
  public static final Action UNLISTED_CATEGORY_ACTION = Action.FLAG;

  private static final String DEFAULT_RESOURCE = "default-policy.json";

  /**
   * Checks every rule of the format.
   *
   * @throws PolicyValidationException listing every identifier that is duplicated or dangling
   * @throws IllegalArgumentException if a single value is invalid
   */
  public Policy {
    Checks.text(id, "policy id");
    Checks.text(version, "policy version");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(contact, "contact");
    dataCategories = List.copyOf(dataCategories);
    recipients = List.copyOf(recipients);
    purposes = List.copyOf(purposes);
    cookieCategories = List.copyOf(cookieCategories);
    retention = List.copyOf(retention);
    contentRules = List.copyOf(contentRules);
    Objects.requireNonNull(enforcement, "enforcement");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(dataSubjectRights, "dataSubjectRights");
    List<PolicyProblem> problems = CrossReferences.check(
        dataCategories, recipients, purposes, cookieCategories, retention, contentRules);
    if (!problems.isEmpty()) {
      throw new PolicyValidationException("policy " + id + "@" + version, problems);
    }
  }

  /** Returns a builder for a policy built in code. */
  public static PolicyBuilder builder() {
    return new PolicyBuilder();
  }

  /** Returns a builder that starts from this policy. */
  public PolicyBuilder toBuilder() {
    return new PolicyBuilder(this);
  }

  /**
   * The embedded default policy, which mirrors the notice of a typical AI image-generation site.
   */
  public static Policy defaultPolicy() {
    return DefaultHolder.POLICY;
  }

  /** The JSON Schema (draft 2020-12) of the policy format. */
  public static String jsonSchema() {
    try (InputStream in = Policy.class.getResourceAsStream("policy.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("policy.schema.json is missing from warden-policy-core");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the policy schema", e);
    }
  }

  /** The JSON text of the embedded default policy. */
  public static String defaultPolicyJson() {
    return DefaultHolder.JSON;
  }

  /**
   * Loads and validates a policy from a JSON file.
   *
   * @throws PolicyValidationException listing every problem with its JSON Pointer, line and column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Policy load(Path file) {
    return PolicyReader.read(file);
  }

  /**
   * Parses and validates a policy from JSON text.
   *
   * @param json the document
   * @param sourceName how to name the source in problems, for example a file name
   * @throws PolicyValidationException listing every problem with its JSON Pointer, line and column
   */
  public static Policy parse(String json, String sourceName) {
    return PolicyReader.read(json, sourceName);
  }

  /** Parses and validates a policy from a stream of UTF-8 JSON; the stream is not closed. */
  public static Policy parse(InputStream json, String sourceName) {
    return PolicyReader.read(json, sourceName);
  }

  /** This policy as a JSON document in the format {@link #parse(String, String)} reads. */
  public String toJson() {
    return PolicyWriter.write(this);
  }

  /** The id and version, for stamping decisions. */
  public PolicyRef ref() {
    return new PolicyRef(id, version);
  }

  public Optional<DataCategory> dataCategory(String id) {
    return dataCategories.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Recipient> recipient(String id) {
    return recipients.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Purpose> purpose(String id) {
    return purposes.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<CookieCategory> cookieCategory(String id) {
    return cookieCategories.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The retention rule for a data category, if the policy has one. */
  public Optional<RetentionRule> retentionFor(String dataCategoryId) {
    return retention.stream().filter(r -> r.dataCategory().equals(dataCategoryId)).findFirst();
  }

  /**
   * The content rule for {@code category}: its own, else its parent's ({@code violence} for
   * {@code violence/graphic}).
   */
  public Optional<ContentRule> contentRule(Category category) {
    for (Category c = category; ; c = c.parent()) {
      for (ContentRule r : contentRules) {
        if (r.category().equals(c)) {
          return Optional.of(r);
        }
      }
      if (c.parent().equals(c)) {
        return Optional.empty();
      }
    }
  }

  /**
   * The action for content of {@code category} at {@code severity}: the content rule's action,
   * raised to {@link Action#BLOCK_AND_REPORT} for zero-tolerance categories, and {@link
   * #UNLISTED_CATEGORY_ACTION} when no rule applies.
   */
  public Action actionFor(Category category, Severity severity) {
    Action a = contentRule(category).map(r -> r.actionFor(severity)).orElse(UNLISTED_CATEGORY_ACTION);
    return enforcement.zeroTolerance().contains(category) ? a.max(Action.BLOCK_AND_REPORT) : a;
  }

  /**
   * Turns findings into a decision under this policy. A finding counts when its score reaches the
   * category's threshold; each category takes the action for its most serious counted severity;
   * the verdict is the strictest action's.
   */
  public Decision decide(List<Finding> findings) {
    Map<Category, Severity> severity = new LinkedHashMap<>();
    Map<Category, Double> score = new LinkedHashMap<>();
    for (Finding f : findings) {
      double threshold = contentRule(f.category()).map(ContentRule::threshold)
          .orElse(ContentRule.DEFAULT_THRESHOLD);
      if (f.score() < threshold) {
        continue;
      }
      severity.merge(f.category(), f.severity(), Severity::max);
      score.merge(f.category(), f.score(), Math::max);
    }
    List<CategoryScore> categories = new ArrayList<>(severity.size());
    Verdict verdict = Verdict.ALLOW;
    boolean report = false;
    for (Map.Entry<Category, Severity> e : severity.entrySet()) {
      Action a = actionFor(e.getKey(), e.getValue());
      categories.add(new CategoryScore(e.getKey(), e.getValue(), score.get(e.getKey()), a));
      verdict = verdict.max(a.verdict());
      report |= a.requiresReport();
    }
    categories.sort(Comparator.comparing(CategoryScore::action).reversed()
        .thenComparing(CategoryScore::severity, Comparator.reverseOrder())
        .thenComparing(CategoryScore::category));
    return new Decision(verdict, report, categories, findings, ref());
  }

  private static final class DefaultHolder {
    static final String JSON;
    static final Policy POLICY;

    static {
      try (InputStream in = Policy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("default policy resource missing: " + DEFAULT_RESOURCE);
        }
        JSON = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the default policy", e);
      }
      POLICY = PolicyReader.read(JSON, "default-policy.json");
    }
  }
}
