package dev.warden.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policy.CrossReferences.Kind;
import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The strict policy loader: reads JSON and reports every problem with its pointer and location. */
final class PolicyReader {

  static final Set<String> POLICY_FIELDS = Set.of("$schema", "id", "version", "effectiveDate",
      "contact", "dataCategories", "recipients", "purposes", "cookieCategories", "retention",
      "contentRules", "enforcement", "consent", "dataSubjectRights");
  static final Set<String> CONTACT_FIELDS = Set.of("name", "email", "url");
  static final Set<String> DATA_CATEGORY_FIELDS = Set.of("id", "description", "personal");
  static final Set<String> RECIPIENT_FIELDS = Set.of("id", "name", "thirdParty", "country");
  static final Set<String> PURPOSE_FIELDS =
      Set.of("id", "description", "legalBasis", "dataCategories", "recipients");
  static final Set<String> COOKIE_CATEGORY_FIELDS = Set.of("id", "class", "description", "purposes",
      "consentRequired", "defaultState", "maxLifetime", "optOutSignals", "cookies");
  static final Set<String> COOKIE_FIELDS = Set.of("name", "match", "domain", "description");
  static final Set<String> RETENTION_FIELDS = Set.of("id", "dataCategory", "period", "from", "exemptions");
  static final Set<String> EXEMPTION_FIELDS = Set.of("reason", "maxPeriod");
  static final Set<String> CONTENT_RULE_FIELDS = Set.of("category", "actions", "threshold");
  static final Set<String> ACTIONS_FIELDS = Set.of("low", "medium", "high", "critical");
  static final Set<String> ENFORCEMENT_FIELDS = Set.of("window", "steps", "zeroTolerance");
  static final Set<String> STEP_FIELDS = Set.of("violations", "action", "duration");
  static final Set<String> CONSENT_FIELDS = Set.of("validity", "renewOnMaterialChange");
  static final Set<String> DSR_FIELDS = Set.of("responseTime", "maxExtension", "rights");

  private final JsonFields f;
  private final LocatedJson doc;
  private final CrossReferences refs = new CrossReferences();

  private PolicyReader(LocatedJson doc) {
    this.doc = doc;
    this.f = new JsonFields(doc);
  }

  static Policy read(Path file) {
    try {
      long size = Files.size(file);
      if (size > LocatedJson.MAX_DOCUMENT_CHARS * 4) {
        throw new PolicyValidationException(file.toString(), List.of(new PolicyProblem("", 1, 1,
            "file is " + size + " bytes; a policy may be at most " + LocatedJson.MAX_DOCUMENT_CHARS
                + " characters")));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(LocatedJson.parse(in), file.toString());
      }
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("policy file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }

  static Policy read(String json, String source) {
    try {
      return read(LocatedJson.parse(new StringReader(json)), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Policy read(InputStream json, String source) {
    try {
      return read(LocatedJson.parse(json), source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy " + source + ": " + e.getMessage(), e);
    }
  }

  private static Policy read(LocatedJson doc, String source) {
    if (doc.root == null) {
      throw new PolicyValidationException(source, doc.problems);
    }
    PolicyReader r = new PolicyReader(doc);
    Policy p = r.policy(doc.root);
    List<PolicyProblem> problems = new ArrayList<>(doc.problems);
    problems.addAll(r.f.problems());
    for (PolicyProblem x : r.refs.problems()) {
      problems.add(doc.problem(x.pointer(), x.message()));
    }
    if (!problems.isEmpty() || p == null) {
      problems.sort(Comparator.comparingInt(PolicyProblem::line)
          .thenComparingInt(PolicyProblem::column));
      throw new PolicyValidationException(source, problems);
    }
    return p;
  }

  private Policy policy(JsonNode root) {
    ObjectNode o = f.object(root, "", POLICY_FIELDS);
    if (o == null) {
      return null;
    }
    f.string(o, "", "$schema", false);
    String id = f.string(o, "", "id", true, Checks::nonBlankProblem);
    String version = f.string(o, "", "version", true, Checks::nonBlankProblem);
    LocalDate effective = f.date(o, "", "effectiveDate");
    Contact contact = single(o, "contact", true, this::contact);
    List<DataCategory> dataCategories = list(o, "dataCategories", true, this::dataCategory);
    List<Recipient> recipients = list(o, "recipients", false, this::recipient);
    List<Purpose> purposes = list(o, "purposes", true, this::purpose);
    List<CookieCategory> cookies = list(o, "cookieCategories", true, this::cookieCategory);
    List<RetentionRule> retention = list(o, "retention", true, this::retentionRule);
    List<ContentRule> content = list(o, "contentRules", true, this::contentRule);
    EnforcementLadder enforcement = single(o, "enforcement", true, this::enforcement);
    ConsentSettings consent = single(o, "consent", true, this::consent);
    DataSubjectRights dsr = single(o, "dataSubjectRights", true, this::dataSubjectRights);
    if (f.problemCount() > 0 || !refs.problems().isEmpty()) {
      return null;
    }
    return construct("", () -> new Policy(id, version, effective, contact, dataCategories,
        recipients, purposes, cookies, retention, content, enforcement, consent, dsr));
  }

  private Contact contact(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, CONTACT_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String name = f.string(o, at, "name", true, Checks::nonBlankProblem);
    String email = f.string(o, at, "email", true,
        s -> s.indexOf('@') < 1 || s.indexOf('@') == s.length() - 1
            ? "must look like name@domain, got '" + s + "'" : null);
    String url = f.string(o, at, "url", false);
    return f.problemCount() > before ? null
        : construct(at, () -> new Contact(name, email, Optional.ofNullable(url)));
  }

  private DataCategory dataCategory(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, DATA_CATEGORY_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String id = defineId(o, at, Kind.DATA_CATEGORY);
    String description = f.string(o, at, "description", true, Checks::nonBlankProblem);
    Boolean personal = f.bool(o, at, "personal", true);
    return f.problemCount() > before ? null
        : construct(at, () -> new DataCategory(id, description, personal));
  }

  private Recipient recipient(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, RECIPIENT_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String id = defineId(o, at, Kind.RECIPIENT);
    String name = f.string(o, at, "name", true, Checks::nonBlankProblem);
    Boolean thirdParty = f.bool(o, at, "thirdParty", true);
    String country = f.string(o, at, "country", false, Recipient::countryProblem);
    return f.problemCount() > before ? null
        : construct(at, () -> new Recipient(id, name, thirdParty, Optional.ofNullable(country)));
  }

  private Purpose purpose(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, PURPOSE_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String id = defineId(o, at, Kind.PURPOSE);
    String description = f.string(o, at, "description", true, Checks::nonBlankProblem);
    LegalBasis basis = f.enumValue(o, at, "legalBasis", LegalBasis.class, null);
    List<String> data = f.ids(o, at, "dataCategories", true);
    List<String> recipients = f.ids(o, at, "recipients", false);
    if (id != null && basis == LegalBasis.CONSENT) {
      refs.consentPurpose(id, at);
    }
    referenceAll(Kind.DATA_CATEGORY, data, at + "/dataCategories");
    referenceAll(Kind.RECIPIENT, recipients, at + "/recipients");
    return f.problemCount() > before ? null
        : construct(at, () -> new Purpose(id, description, basis, data, recipients));
  }

  private CookieCategory cookieCategory(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, COOKIE_CATEGORY_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String id = defineId(o, at, Kind.COOKIE_CATEGORY);
    CookieClass cls = f.enumValue(o, at, "class", CookieClass.class, null);
    String description = f.string(o, at, "description", true, Checks::nonBlankProblem);
    List<String> purposes = f.ids(o, at, "purposes", true);
    Boolean consentRequired = f.bool(o, at, "consentRequired", null);
    ConsentDefault state = f.enumValue(o, at, "defaultState", ConsentDefault.class, null);
    if (consentRequired != null && state != null) {
      String why = CookieCategory.defaultProblem(consentRequired, state);
      if (why != null) {
        f.problem(at + "/defaultState", "defaultState " + why);
      }
    }
    Period lifetime = f.period(o, at, "maxLifetime", false, true);
    Set<OptOutSignal> signals = enumSet(o, at, "optOutSignals", OptOutSignal.class, false);
    List<CookieDeclaration> cookies = list(o, at, "cookies", false, this::cookieDeclaration);
    referenceAll(Kind.PURPOSE, purposes, at + "/purposes");
    if (Boolean.FALSE.equals(consentRequired) && purposes != null && id != null) {
      for (int i = 0; i < purposes.size(); i++) {
        refs.consentFreeCookieCategory(id, purposes.get(i), at + "/purposes/" + i);
      }
    }
    return f.problemCount() > before ? null
        : construct(at, () -> new CookieCategory(id, cls, description, purposes, consentRequired,
            state, Optional.ofNullable(lifetime), signals, cookies));
  }

  private CookieDeclaration cookieDeclaration(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, COOKIE_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String name = f.string(o, at, "name", true, Checks::nonBlankProblem);
    CookieMatch match = f.enumValue(o, at, "match", CookieMatch.class, CookieMatch.EXACT);
    String domain = f.string(o, at, "domain", false, Checks::nonBlankProblem);
    String description = f.string(o, at, "description", false);
    if (name != null && match == CookieMatch.PATTERN) {
      String why = Checks.regexProblem(name);
      if (why != null) {
        f.problem(at + "/name", "name " + why);
      }
    }
    if (name != null && match != null) {
      refs.define(Kind.COOKIE_DECLARATION, CrossReferences.declarationKey(match, name, domain), at);
    }
    return f.problemCount() > before ? null
        : construct(at, () -> new CookieDeclaration(name, match, Optional.ofNullable(domain),
            Optional.ofNullable(description)));
  }

  private RetentionRule retentionRule(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, RETENTION_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String id = defineId(o, at, Kind.RETENTION_RULE);
    String category = f.string(o, at, "dataCategory", true, Checks::idProblem);
    if (category != null) {
      refs.define(Kind.RETAINED_CATEGORY, category, at + "/dataCategory");
      refs.reference(Kind.DATA_CATEGORY, category, at + "/dataCategory");
    }
    Period period = f.period(o, at, "period", true, false);
    RetentionTrigger from = f.enumValue(o, at, "from", RetentionTrigger.class, null);
    List<RetentionExemption> exemptions = list(o, at, "exemptions", false, this::exemption);
    if (exemptions != null) {
      Set<ExemptionReason> seen = EnumSet.noneOf(ExemptionReason.class);
      for (int i = 0; i < exemptions.size(); i++) {
        if (!seen.add(exemptions.get(i).reason())) {
          f.problem(at + "/exemptions/" + i + "/reason",
              "duplicate exemption reason '" + JsonNames.of(exemptions.get(i).reason()) + "'");
        }
      }
    }
    return f.problemCount() > before ? null
        : construct(at, () -> new RetentionRule(id, category, period, from, exemptions));
  }

  private RetentionExemption exemption(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, EXEMPTION_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    ExemptionReason reason = f.enumValue(o, at, "reason", ExemptionReason.class, null);
    Period max = f.period(o, at, "maxPeriod", false, true);
    return f.problemCount() > before ? null
        : construct(at, () -> new RetentionExemption(reason, Optional.ofNullable(max)));
  }

  private ContentRule contentRule(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, CONTENT_RULE_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    String category = f.string(o, at, "category", true, s -> Category.isValidId(s) ? null
        : "must be lower-case words joined by '-', with '/' before a sub-category, got '" + s + "'");
    if (category != null) {
      refs.define(Kind.CONTENT_CATEGORY, category, at + "/category");
    }
    Map<Severity, Action> actions = null;
    JsonNode an = f.field(o, at, "actions", true);
    ObjectNode ao = an == null ? null : f.object(an, at + "/actions", ACTIONS_FIELDS);
    if (ao != null) {
      actions = new EnumMap<>(Severity.class);
      for (Severity s : Severity.values()) {
        actions.put(s, f.enumValue(ao, at + "/actions", JsonNames.of(s), Action.class, null));
      }
    }
    Double threshold = f.unitInterval(o, at, "threshold", ContentRule.DEFAULT_THRESHOLD);
    Map<Severity, Action> a = actions;
    return f.problemCount() > before ? null
        : construct(at, () -> new ContentRule(Category.of(category), a, threshold));
  }

  private EnforcementLadder enforcement(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, ENFORCEMENT_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    Period window = f.period(o, at, "window", true, true);
    List<EnforcementStep> steps = list(o, at, "steps", true, this::step);
    if (steps != null) {
      for (int i = 1; i < steps.size(); i++) {
        if (steps.get(i).violations() <= steps.get(i - 1).violations()) {
          f.problem(at + "/steps/" + i + "/violations", "violations must be greater than the step before ("
              + steps.get(i - 1).violations() + "), got " + steps.get(i).violations());
        }
      }
    }
    List<Category> zero = new ArrayList<>();
    ArrayNode z = f.array(o, at, "zeroTolerance", false);
    if (z != null) {
      for (int i = 0; i < z.size(); i++) {
        JsonNode v = z.get(i);
        if (v.isTextual() && Category.isValidId(v.textValue())) {
          zero.add(Category.of(v.textValue()));
        } else {
          f.problem(at + "/zeroTolerance/" + i, "must be a category id such as 'sexual/minors', got "
              + JsonFields.describe(v));
        }
      }
    }
    return f.problemCount() > before ? null
        : construct(at, () -> new EnforcementLadder(window, steps, Set.copyOf(zero)));
  }

  private EnforcementStep step(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, STEP_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    Integer violations = f.positiveInt(o, at, "violations");
    EnforcementAction action = f.enumValue(o, at, "action", EnforcementAction.class, null);
    Period duration = f.period(o, at, "duration", false, true);
    if (action != null) {
      String why = EnforcementStep.durationProblem(action, duration != null || o.has("duration"));
      if (why != null) {
        f.problem(action == EnforcementAction.SUSPEND ? at : at + "/duration", "duration " + why);
      }
    }
    return f.problemCount() > before ? null
        : construct(at, () -> new EnforcementStep(violations, action, Optional.ofNullable(duration)));
  }

  private ConsentSettings consent(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, CONSENT_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    Period validity = f.period(o, at, "validity", true, true);
    Boolean renew = f.bool(o, at, "renewOnMaterialChange", true);
    return f.problemCount() > before ? null : construct(at, () -> new ConsentSettings(validity, renew));
  }

  private DataSubjectRights dataSubjectRights(JsonNode n, String at) {
    ObjectNode o = f.object(n, at, DSR_FIELDS);
    if (o == null) {
      return null;
    }
    int before = f.problemCount();
    Period response = f.period(o, at, "responseTime", true, true);
    Period extension = f.period(o, at, "maxExtension", true, false);
    Set<DataSubjectRight> rights = enumSet(o, at, "rights", DataSubjectRight.class, true);
    return f.problemCount() > before ? null
        : construct(at, () -> new DataSubjectRights(response, extension, rights));
  }

  // ---- helpers

  private String defineId(ObjectNode o, String at, Kind kind) {
    String id = f.string(o, at, "id", true, Checks::idProblem);
    if (id != null) {
      refs.define(kind, id, at + "/id");
    }
    return id;
  }

  private void referenceAll(Kind kind, List<String> ids, String at) {
    if (ids != null) {
      for (int i = 0; i < ids.size(); i++) {
        refs.reference(kind, ids.get(i), at + "/" + i);
      }
    }
  }

  private <E extends Enum<E>> Set<E> enumSet(
      ObjectNode o, String at, String name, Class<E> type, boolean required) {
    ArrayNode a = f.array(o, at, name, required);
    if (a == null) {
      return null;
    }
    Set<E> out = EnumSet.noneOf(type);
    for (int i = 0; i < a.size(); i++) {
      E e = f.enumValue(a.get(i), at + "/" + name + "/" + i, name + " entry", type);
      if (e != null && !out.add(e)) {
        f.problem(at + "/" + name + "/" + i, "duplicate entry '" + JsonNames.of(e) + "'");
      }
    }
    return out;
  }

  private <T> T single(ObjectNode o, String name, boolean required, BiFunction<JsonNode, String, T> reader) {
    JsonNode n = f.field(o, "", name, required);
    return n == null ? null : reader.apply(n, "/" + name);
  }

  private <T> List<T> list(ObjectNode o, String name, boolean required, BiFunction<JsonNode, String, T> reader) {
    return list(o, "", name, required, reader);
  }

  private <T> List<T> list(
      ObjectNode o, String at, String name, boolean required, BiFunction<JsonNode, String, T> reader) {
    ArrayNode a = f.array(o, at, name, required);
    if (a == null) {
      return null;
    }
    List<T> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      T t = reader.apply(a.get(i), at + "/" + name + "/" + i);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Builds a value whose fields were checked; a rule the reader missed is still reported. */
  private <T> T construct(String at, java.util.function.Supplier<T> ctor) {
    try {
      return ctor.get();
    } catch (IllegalArgumentException e) {
      f.problem(at, e.getMessage());
      return null;
    } catch (PolicyValidationException e) {
      for (PolicyProblem p : e.problems()) {
        f.problem(p.pointer(), p.message());
      }
      return null;
    }
  }
}
