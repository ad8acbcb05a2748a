/**
 * Retention: the {@link dev.warden.consent.retention.PersonalDataSource} SPI through which Warden
 * reaches the host's personal data (with built-in sources for the consent ledger and the {@link
 * dev.warden.consent.retention.AuditJournalSource}), the {@link
 * dev.warden.consent.retention.RetentionEngine} that turns the policy's retention rules into
 * erasures, and {@link dev.warden.consent.retention.LegalHolds} that suspend them.
 */
package dev.warden.consent.retention;
