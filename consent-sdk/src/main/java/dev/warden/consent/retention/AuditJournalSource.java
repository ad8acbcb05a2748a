package dev.warden.consent.retention;

import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.AuditLog;
import dev.warden.policy.audit.Durability;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An audit journal whose entries about people can be erased: policy-core's hash-chained {@link
 * AuditJournal}, written through a layer that replaces each subject's pseudonym with a random
 * alias, one per subject, data category and day, and keeps the pseudonym-to-alias mapping in a
 * separate, rewritable keyring. It is both the host's {@link AuditLog} and a {@link
 * PersonalDataSource}. Thread-safe; one process may have a directory open at a time.
 *
 * <p>A hash chain cannot lose a line without breaking, so erasure here destroys the link instead
 * of the line: erasing a record removes its alias from the keyring, after which nothing ties the
 * journal's entries under that alias to anyone, and the chain still verifies. Retention erases
 * one day's alias once the day's last entry is due, so an entry goes at most a day after its own
 * period ends. Payloads must not name the subject (the {@link AuditLog} contract already forbids
 * personal data in them). See docs/retention-and-dsr.md.
 *
 * {@snippet :
 * try (AuditJournalSource audit = AuditJournalSource.builder(Path.of("audit")).open()) {
 *   audit.append("moderation.decided", subject, Map.of("verdict", "block"));
 *   List<PersonalRecord> mine = audit.records(subject);
 * }
 * }
 */
public interface AuditJournalSource extends AuditLog, PersonalDataSource {

  /** The directory holding the journal ({@code journal/}) and the keyring ({@code aliases/}). */
  Path directory();

  /** Returns a builder for a source in {@code directory} (created if missing). */
  static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Configures and opens an {@link AuditJournalSource}. */
  final class Builder {
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Path directory;
    private Durability durability = Durability.GROUP_COMMIT;
    private Clock clock = Clock.systemUTC();
    private byte[] hmacKey;
    private final Map<String, String> categories = new LinkedHashMap<>();
    private String defaultCategory = "security-logs";
    private String origin = "Recorded by the service about what it decided and did for the person's account"
        + " (consents, moderation, security events)";

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      categories.put("consent.", "consent-records");
      categories.put("moderation.", "moderation-records");
      categories.put("enforcement.", "moderation-records");
    }

    /** When entries (and new aliases) reach the disk; default {@link Durability#GROUP_COMMIT}. */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability");
      return this;
    }

    /** The clock entries are stamped with; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Chains entries with HMAC-SHA256 under this key (at least 16 bytes). */
    public Builder hmacKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      if (key.length < 16) {
        throw new IllegalArgumentException("hmacKey must be at least 16 bytes, got " + key.length);
      }
      this.hmacKey = key.clone();
      return this;
    }

    /**
     * Files entries whose type starts with {@code typePrefix} under {@code dataCategory} (the
     * longest matching prefix wins). Defaults: {@code consent.} to {@code consent-records}, {@code
     * moderation.} and {@code enforcement.} to {@code moderation-records}.
     */
    public Builder category(String typePrefix, String dataCategory) {
      Objects.requireNonNull(typePrefix, "typePrefix");
      if (typePrefix.isEmpty()) {
        throw new IllegalArgumentException("a type prefix must not be empty (set defaultCategory instead)");
      }
      categories.put(typePrefix, checkCategory(dataCategory));
      return this;
    }

    /** The data category of entries no prefix matches; default {@code security-logs}. */
    public Builder defaultCategory(String dataCategory) {
      this.defaultCategory = checkCategory(dataCategory);
      return this;
    }

    /** What the source tells people its data came from (GDPR Art. 15(1)(g)). */
    public Builder origin(String origin) {
      Objects.requireNonNull(origin, "origin");
      if (origin.isBlank()) {
        throw new IllegalArgumentException("origin must not be blank");
      }
      this.origin = origin;
      return this;
    }

    private static String checkCategory(String c) {
      Objects.requireNonNull(c, "dataCategory");
      if (!CATEGORY.matcher(c).matches()) {
        throw new IllegalArgumentException("a data category is a policy id such as 'usage', got '" + c + "'");
      }
      return c;
    }

    /**
     * Opens the journal and the keyring, repairing a torn last line in either.
     *
     * @throws dev.warden.policy.audit.AuditJournalException if the journal cannot be opened
     * @throws RetentionException if the keyring cannot be read
     */
    public AuditJournalSource open() {
      return AliasedAuditJournal.open(directory, durability, clock, hmacKey, Map.copyOf(categories), defaultCategory,
          origin);
    }
  }
}
