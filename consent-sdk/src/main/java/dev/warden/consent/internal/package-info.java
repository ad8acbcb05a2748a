/** Helpers the retention and data-subject request packages share; not exported. */
package dev.warden.consent.internal;
