package dev.warden.consent.dsr;

import dev.warden.consent.retention.LegalHolds;
import dev.warden.consent.retention.PersonalDataSource;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.AuditLog;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Configures and opens {@link DataSubjectRequests}. */
public final class DataSubjectRequestsBuilder {
  private static final SecureRandom RANDOM = new SecureRandom();

  Policy policy;
  final Map<String, PersonalDataSource> sources = new LinkedHashMap<>();
  LegalHolds holds;
  AuditLog audit;
  Clock clock = Clock.systemUTC();
  private Path directory;
  int maxAttempts = 5;
  Duration retryAfter = Duration.ofHours(1);
  Supplier<String> ids = () -> {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return "dsr-" + HexFormat.of().formatHex(b);
  };

  DataSubjectRequestsBuilder() {}

  /** The policy: its deadlines, the rights it grants, and what an export says. Required. */
  public DataSubjectRequestsBuilder policy(Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Adds a source every request is carried out in; call once per source.
   *
   * @throws IllegalArgumentException if its id is malformed or already taken
   */
  public DataSubjectRequestsBuilder source(PersonalDataSource source) {
    PersonalDataSource.addById(sources, source);
    return this;
  }

  /** The legal holds an erasure respects; default none. */
  public DataSubjectRequestsBuilder holds(LegalHolds holds) {
    this.holds = Objects.requireNonNull(holds, "holds");
    return this;
  }

  /** Where every step is recorded. Required. */
  public DataSubjectRequestsBuilder audit(AuditLog audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
    return this;
  }

  /** The clock that dates steps and deadlines; default UTC system clock. */
  public DataSubjectRequestsBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** The directory requests are stored in; default memory only (nothing survives a restart). */
  public DataSubjectRequestsBuilder directory(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /** How many times a failing source is asked before retries stop; default 5. */
  public DataSubjectRequestsBuilder maxAttempts(int attempts) {
    if (attempts < 1 || attempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be in [1, 100], got " + attempts);
    }
    this.maxAttempts = attempts;
    return this;
  }

  /** The wait before the first retry, doubled after each failure up to a day; default one hour. */
  public DataSubjectRequestsBuilder retryAfter(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative() || wait.isZero()) {
      throw new IllegalArgumentException("retryAfter must be positive, got " + wait);
    }
    this.retryAfter = wait;
    return this;
  }

  /** Where request ids come from; default {@code dsr-} and 16 random hex digits. */
  public DataSubjectRequestsBuilder ids(Supplier<String> ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
    return this;
  }

  /**
   * Opens the request store and loads the requests in it.
   *
   * @throws IllegalStateException if the policy, the audit log or every source is missing
   * @throws DsrException if the store is in use or cannot be read
   */
  public DataSubjectRequests open() {
    if (policy == null) {
      throw new IllegalStateException("data-subject requests need a policy: call policy(...)");
    }
    if (audit == null) {
      throw new IllegalStateException("data-subject requests need an audit log: call audit(...)");
    }
    if (sources.isEmpty()) {
      throw new IllegalStateException("data-subject requests need at least one source: call source(...)");
    }
    RequestStore store = directory == null ? RequestStore.inMemory() : RequestStore.open(directory);
    try {
      return new DataSubjectRequests(this, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
