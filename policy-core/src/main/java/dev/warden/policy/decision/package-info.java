/**
 * Decision values shared by every Warden module: {@link dev.warden.policy.decision.Verdict},
 * {@link dev.warden.policy.decision.Category}, {@link dev.warden.policy.decision.Severity},
 * {@link dev.warden.policy.decision.Finding} with its {@link dev.warden.policy.decision.Reason} and
 * {@link dev.warden.policy.decision.EvidenceSpan}, and the {@link
 * dev.warden.policy.decision.Decision} that ties them to the policy version that decided.
 * All are immutable.
 */
package dev.warden.policy.decision;
