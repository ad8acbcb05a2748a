/**
 * Browser consent signals: Global Privacy Control, Do Not Track, and Google Consent Mode v2.
 */
package dev.warden.consent.signal;
