package dev.warden.moderation.enforcement;

import dev.warden.policy.audit.AuditLog;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where reports go. The built-in sink appends them to an {@link AuditLog} (the audit journal);
 * a host adds its own to reach a trust-and-safety queue or a hotline. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface ReportSink {

  /** Entry type of a report in the audit log. */
  String AUDIT_TYPE = "enforcement.report";

  /** Delivers a report; throws if it cannot (the ledger then fails the violation's recording). */
  void report(Report report);

  /** A sink that appends each report to {@code log} as an {@value #AUDIT_TYPE} entry. */
  static ReportSink auditLog(AuditLog log) {
    Objects.requireNonNull(log, "log");
    return r -> log.append(AUDIT_TYPE, r.account(), Map.of(
        "category", r.category().id(),
        "severity", r.severity().name().toLowerCase(Locale.ROOT),
        "evidenceSha256", r.evidence().sha256(),
        "at", r.at().toString(),
        "reason", r.reason(),
        "policy", r.policy().toString()));
  }
}
