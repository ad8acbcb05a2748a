/**
 * Cookie classification by purpose: {@link dev.warden.consent.cookie.CookieClassifier} asks the
 * host's policy declarations, the built-in catalog, loaded catalogs (Open Cookie Database CSV) and
 * a learned OpenNLP model, in that order.
 */
package dev.warden.consent.cookie;
