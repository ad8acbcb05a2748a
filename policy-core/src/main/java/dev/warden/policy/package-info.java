/**
 * The policy document: {@link dev.warden.policy.Policy} (load, build, default), its parts, the
 * strict loader's {@link dev.warden.policy.PolicyValidationException}, and {@link
 * dev.warden.policy.PolicyDiff}, which tells material changes from minor ones.
 */
package dev.warden.policy;
