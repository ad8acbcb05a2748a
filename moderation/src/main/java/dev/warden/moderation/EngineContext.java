package dev.warden.moderation;

import dev.warden.policy.Policy;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The context of one request; language detection runs at most once. */
final class EngineContext implements TextContext {

  static final String UNDETERMINED = "und";

  private final TextPrompt prompt;
  private final Policy policy;
  private final LanguageDetection detection;
  private final List<Finding> findings = new ArrayList<>();
  private String language;

  EngineContext(TextPrompt prompt, Policy policy, LanguageDetection detection) {
    this.prompt = prompt;
    this.policy = policy;
    this.detection = detection;
    this.language = prompt.language().orElse(null);
  }

  @Override
  public Policy policy() {
    return policy;
  }

  @Override
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  List<Finding> mutableFindings() {
    return findings;
  }

  @Override
  public Verdict verdictSoFar() {
    return findings.isEmpty() ? Verdict.ALLOW : policy.decide(findings).verdict();
  }

  @Override
  public String language() {
    if (language == null) {
      language = detection == LanguageDetection.NEVER
          ? LanguageIdentifier.byScript(prompt.prompt(), 2000).orElse(UNDETERMINED)
          : LanguageIdentifier.detect(prompt.prompt()).orElse(UNDETERMINED);
    }
    return language;
  }

  @Override
  public Optional<String> knownLanguage() {
    return Optional.ofNullable(language);
  }

  /** The language to report: known, else detected if asked to, else the script's, else und. */
  String languageForResult() {
    if (language != null) {
      return language;
    }
    if (detection == LanguageDetection.ALWAYS) {
      return language();
    }
    return LanguageIdentifier.byScript(prompt.prompt(), 2000).orElse(UNDETERMINED);
  }
}
