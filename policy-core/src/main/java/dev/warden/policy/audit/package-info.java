/**
 * Accountability: the {@link dev.warden.policy.audit.AuditLog} SPI and its default, the
 * hash-chained, append-only {@link dev.warden.policy.audit.AuditJournal}, with {@link
 * dev.warden.policy.audit.Pseudonym}s as the only way to name a person in it.
 */
package dev.warden.policy.audit;
