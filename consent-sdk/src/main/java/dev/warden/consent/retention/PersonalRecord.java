package dev.warden.consent.retention;

import dev.warden.policy.ExemptionReason;
import dev.warden.policy.RetentionTrigger;
import dev.warden.policy.audit.Pseudonym;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One record of personal data as a {@link PersonalDataSource} reports it: whose it is, which of the
 * policy's data categories it belongs to, when the events retention counts from happened, and
 * (for access and export) its content.
 *
 * @param id the record's id, unique within its source: 1 to 256 characters without control
 *     characters
 * @param subject whose data it is
 * @param dataCategory the id of the policy data category the record belongs to
 * @param events when each retention trigger happened for this record; a trigger that has not
 *     happened (an account still open) is absent, and the record is not due under a rule counting
 *     from it
 * @param exemptions reasons the host marked the record with (a security investigation, a legal
 *     obligation); a rule's exemption for a reason lets a marked record be kept longer
 * @param data the record's content as JSON values (strings, numbers, booleans, null, lists and
 *     maps of them); may be empty in {@link PersonalDataSource#recordsBefore} listings
 */
public record PersonalRecord(
    String id, Pseudonym subject, String dataCategory, Map<RetentionTrigger, Instant> events,
    Set<ExemptionReason> exemptions, Map<String, Object> data) {

  public PersonalRecord {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || id.length() > 256 || id.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("record id must be 1 to 256 characters without control characters, got "
          + (id.isEmpty() ? "an empty id" : "a value of length " + id.length()));
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(dataCategory, "dataCategory");
    if (dataCategory.isEmpty()) {
      throw new IllegalArgumentException("record " + id + ": dataCategory must not be empty");
    }
    events = events.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(events));
    exemptions = exemptions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(exemptions));
    data = data.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** A record with events and content, and no exemption marks. */
  public static PersonalRecord of(String id, Pseudonym subject, String dataCategory,
      Map<RetentionTrigger, Instant> events, Map<String, Object> data) {
    return new PersonalRecord(id, subject, dataCategory, events, Set.of(), data);
  }

  /** When {@code trigger} happened for this record, if it has. */
  public Optional<Instant> event(RetentionTrigger trigger) {
    return Optional.ofNullable(events.get(trigger));
  }

  /** This record without its content, as retention listings carry it. */
  public PersonalRecord withoutData() {
    return data.isEmpty() ? this : new PersonalRecord(id, subject, dataCategory, events, exemptions, Map.of());
  }
}
