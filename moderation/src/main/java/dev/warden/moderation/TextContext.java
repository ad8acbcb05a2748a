package dev.warden.moderation;

import dev.warden.policy.Policy;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link TextStage} may know about the request beyond the prompt: the policy in force, what
 * earlier stages found, and the prompt's language. One per request; not shared between threads.
 */
public interface TextContext {

  /** The policy this request is decided under (the same for all stages of the request). */
  Policy policy();

  /** The findings of the stages that ran before this one. */
  List<Finding> findings();

  /** The verdict the policy gives the findings so far. */
  Verdict verdictSoFar();

  /**
   * The prompt's language as an ISO 639-1 code: the hint, else a detection (run at most once per
   * request), else {@code und} when it cannot be told.
   */
  String language();

  /** The language if it is already known (a hint or an earlier detection), without detecting. */
  Optional<String> knownLanguage();
}
