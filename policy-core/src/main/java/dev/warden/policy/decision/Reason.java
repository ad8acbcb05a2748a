package dev.warden.policy.decision;

import java.util.Objects;

/**
 * Why a finding was made: the rule, concept, model or limit that fired. A closed set, so that
 * every consumer of a decision (logs, review tools, audit entries) can render every kind.
 */
public sealed interface Reason {

  /** A short machine-readable kind: {@code rule}, {@code concept}, {@code model}, ... */
  String kind();

  /** The identifier of what fired: a rule id, a concept name, a model name, ... */
  String source();

  /**
   * A rule of a lexicon or rule set fired.
   *
   * @param ruleId the rule's identifier, for example {@code en.sexual.0042}
   * @param detail a short human-readable description (never the caller's text)
   */
  record Rule(String ruleId, String detail) implements Reason {
    public Rule {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String kind() {
      return "rule";
    }

    @Override
    public String source() {
      return ruleId;
    }
  }

  /**
   * An embedding was closer to a named concept than the concept's threshold.
   *
   * @param conceptId the concept's name
   * @param similarity the cosine similarity observed
   * @param threshold the threshold in force (after any adjustment)
   */
  record Concept(String conceptId, double similarity, double threshold) implements Reason {
    public Concept {
      Objects.requireNonNull(conceptId, "conceptId");
    }

    @Override
    public String kind() {
      return "concept";
    }

    @Override
    public String source() {
      return conceptId;
    }
  }

  /**
   * A classifier scored the input at or above its threshold.
   *
   * @param modelId the model or head name
   * @param score the model's score in [0, 1]
   * @param threshold the threshold in force
   */
  record Model(String modelId, double score, double threshold) implements Reason {
    public Model {
      Objects.requireNonNull(modelId, "modelId");
    }

    @Override
    public String kind() {
      return "model";
    }

    @Override
    public String source() {
      return modelId;
    }
  }

  /**
   * The input matched an item of a known-content list.
   *
   * @param itemId the matched item's identifier
   * @param similarity the similarity observed
   * @param threshold the threshold in force
   */
  record KnownContent(String itemId, double similarity, double threshold) implements Reason {
    public KnownContent {
      Objects.requireNonNull(itemId, "itemId");
    }

    @Override
    public String kind() {
      return "known-content";
    }

    @Override
    public String source() {
      return itemId;
    }
  }

  /**
   * A processing limit applied (input too long, time budget exceeded, ...).
   *
   * @param limit which limit, for example {@code max-input-length}
   * @param detail what happened, for example {@code "input truncated to 65536 chars"}
   */
  record Limit(String limit, String detail) implements Reason {
    public Limit {
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String kind() {
      return "limit";
    }

    @Override
    public String source() {
      return limit;
    }
  }

  /**
   * A host-supplied stage decided.
   *
   * @param stage the host stage's name
   * @param detail a short human-readable description
   */
  record Host(String stage, String detail) implements Reason {
    public Host {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String kind() {
      return "host";
    }

    @Override
    public String source() {
      return stage;
    }
  }
}
