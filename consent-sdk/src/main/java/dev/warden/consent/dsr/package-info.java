/** Data-subject requests. */
package dev.warden.consent.dsr;
