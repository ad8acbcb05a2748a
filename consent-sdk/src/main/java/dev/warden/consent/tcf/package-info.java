/**
 * IAB Transparency and Consent Framework strings: {@link dev.warden.consent.tcf.TcString} decodes
 * and encodes TC strings (TCF v2.0 to v2.3, and legacy v1), {@link
 * dev.warden.consent.tcf.TcStringValidator} checks them against the current policy, and {@link
 * dev.warden.consent.tcf.TcfEnforcer} answers whether a vendor may process for a purpose, given the
 * Global Vendor List.
 */
package dev.warden.consent.tcf;
