/** Cookies and consent: classification, the Set-Cookie gate, the consent ledger and signals. */
package dev.warden.consent;
