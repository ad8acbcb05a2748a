package dev.warden.consent.ledger;

import dev.warden.policy.audit.Pseudonym;
import dev.warden.policy.decision.PolicyRef;
import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One consent event, as the ledger keeps it: never changed once appended; a later choice is a new
 * record that {@linkplain #supersedes() supersedes} this one. Aligned with ISO/IEC TS 27560
 * (consent record) and the Kantara Initiative consent receipt.
 *
 * @param recordId unique id of the record (a UUID)
 * @param subject the person, by pseudonym only
 * @param policy the id and version of the policy the person was shown
 * @param noticeLanguage the language of the notice shown, as a BCP 47 tag ({@code en}, {@code de-CH})
 * @param event what happened
 * @param method how the choice was collected
 * @param evidence what the choice was collected from, when there is something to keep (a TC string,
 *     the banner's version); never personal data; at most 4096 characters
 * @param categories every cookie category of the policy, granted (true) or denied (false)
 * @param purposes every purpose of the policy that needs consent, granted or denied
 * @param timestamp when the choice was made
 * @param expiresAt when the choice stops counting (timestamp plus the policy's consent validity)
 * @param supersedes the subject's record this one replaces, if any
 */
public record ConsentRecord(
    String recordId, Pseudonym subject, PolicyRef policy, String noticeLanguage, ConsentEvent event,
    CollectionMethod method, Optional<String> evidence, Map<String, Boolean> categories,
    Map<String, Boolean> purposes, Instant timestamp, Instant expiresAt, Optional<String> supersedes) {

  /** The longest {@link #evidence()} kept. */
  public static final int MAX_EVIDENCE = 4096;

  public ConsentRecord {
    Objects.requireNonNull(recordId, "recordId");
    if (recordId.isEmpty() || recordId.length() > 64) {
      throw new IllegalArgumentException("recordId must be 1 to 64 characters, got " + recordId.length());
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(noticeLanguage, "noticeLanguage");
    checkLanguage(noticeLanguage);
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(evidence, "evidence");
    evidence.ifPresent(ConsentRecord::checkEvidence);
    categories = Map.copyOf(categories);
    purposes = Map.copyOf(purposes);
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (expiresAt.isBefore(timestamp)) {
      throw new IllegalArgumentException("expiresAt " + expiresAt + " is before timestamp " + timestamp);
    }
    Objects.requireNonNull(supersedes, "supersedes");
  }

  /** Tags already checked; a site shows its notice in a handful of languages. */
  private static final java.util.Set<String> KNOWN_TAGS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static void checkLanguage(String tag) {
    if (KNOWN_TAGS.contains(tag)) {
      return;
    }
    try {
      Locale l = new Locale.Builder().setLanguageTag(tag).build();
      if (l.getLanguage().isEmpty()) {
        throw new IllegalArgumentException("noticeLanguage must name a language, got '" + tag + "'");
      }
      if (KNOWN_TAGS.size() < 1024) {
        KNOWN_TAGS.add(tag);
      }
    } catch (IllformedLocaleException e) {
      throw new IllegalArgumentException("noticeLanguage must be a BCP 47 language tag such as 'en' or 'de-CH', got '"
          + tag + "'", e);
    }
  }

  private static void checkEvidence(String e) {
    if (e.length() > MAX_EVIDENCE) {
      throw new IllegalArgumentException("evidence must be at most " + MAX_EVIDENCE + " characters, got " + e.length());
    }
    for (int i = 0; i < e.length(); i++) {
      if (e.charAt(i) < 0x20) {
        throw new IllegalArgumentException("evidence must not hold control characters (found one at " + i + ")");
      }
    }
  }

  /** Whether the record grants this cookie category. */
  public boolean granted(String categoryId) {
    return Boolean.TRUE.equals(categories.get(categoryId));
  }

  /** Whether the record has stopped counting at {@code now}. */
  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * The record's fields as the ledger writes them to its journal: a map of JSON-ready values (ids,
   * ISO-8601 times, sorted category and purpose choices), for hosts and exports that serialise it.
   */
  public Map<String, Object> asMap() {
    return java.util.Collections.unmodifiableMap(RecordCodec.toMap(this));
  }
}
