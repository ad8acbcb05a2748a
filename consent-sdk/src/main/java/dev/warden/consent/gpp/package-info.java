/**
 * IAB Global Privacy Platform strings ({@link dev.warden.consent.gpp.GppString}) with the EU TCF,
 * US Privacy ({@link dev.warden.consent.gpp.UsPrivacy}) and US National ({@link
 * dev.warden.consent.gpp.UsNat}) sections.
 */
package dev.warden.consent.gpp;
