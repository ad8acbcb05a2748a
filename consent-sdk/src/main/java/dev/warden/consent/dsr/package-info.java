/**
 * Data-subject requests: {@link dev.warden.consent.dsr.DataSubjectRequests} receives access,
 * export, rectification and erasure requests, carries them out in every {@link
 * dev.warden.consent.retention.PersonalDataSource} with retries, deadlines from the policy and an
 * audited state machine, and answers access and export requests with one JSON document.
 */
package dev.warden.consent.dsr;
