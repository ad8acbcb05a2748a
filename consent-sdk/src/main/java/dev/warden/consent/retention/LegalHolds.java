package dev.warden.consent.retention;

import dev.warden.policy.audit.AuditLog;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal holds in force: placed and released by people, consulted by the {@link
 * RetentionEngine} and by erasure requests, every change audited. Thread-safe.
 *
 * <p>Holds live in one JSON file (docs/retention-and-dsr.md), replaced atomically on every change
 * under a file lock, so a command-line tool and a running service can share it; {@link #reload()}
 * picks up another process's changes (the engine reloads before every plan and run). Without a
 * file, holds live in memory.
 *
 * {@snippet :
 * LegalHolds holds = LegalHolds.builder().file(Path.of("retention/holds.json")).audit(audit).open();
 * LegalHold h = holds.place(HoldScope.subject(subject), "claim 2026-114");
 * // ... later
 * holds.release(h.id());
 * }
 */
public final class LegalHolds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final AuditLog audit;
  private final Clock clock;
  private volatile List<LegalHold> view = List.of(); // replaced under this

  private LegalHolds(Builder b) {
    this.file = b.file;
    this.audit = b.audit;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Places a hold with no end of its own; it lasts until released. */
  public LegalHold place(HoldScope scope, String reason) {
    return place(scope, reason, Optional.empty());
  }

  /** Places a hold that ends by itself at {@code until} unless released before. */
  public LegalHold place(HoldScope scope, String reason, Instant until) {
    return place(scope, reason, Optional.of(Objects.requireNonNull(until, "until")));
  }

  private synchronized LegalHold place(HoldScope scope, String reason, Optional<Instant> until) {
    Objects.requireNonNull(scope, "scope");
    LegalHold h = new LegalHold("hold-" + HexFormat.of().formatHex(randomBytes()), scope, reason, clock.instant(),
        until, Optional.empty());
    update(holds -> holds.put(h.id(), h));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("hold", h.id());
    p.put("scope", scope.subject().isPresent() ? scope.dataCategory().isPresent() ? "subject-in-category" : "subject"
        : "category");
    scope.dataCategory().ifPresent(c -> p.put("dataCategory", c));
    p.put("reason", reason);
    until.ifPresent(u -> p.put("until", u.toString()));
    audit.append("legal-hold.placed", p);
    return h;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  /**
   * Releases a hold: erasure of what it covered resumes with the next retention run. Releasing a
   * released hold changes nothing.
   *
   * @throws IllegalArgumentException if there is no hold with this id
   */
  public synchronized LegalHold release(String id) {
    Objects.requireNonNull(id, "id");
    LegalHold[] out = new LegalHold[1];
    boolean[] changed = new boolean[1];
    update(holds -> {
      LegalHold h = holds.get(id);
      if (h == null) {
        throw new IllegalArgumentException("no legal hold with id '" + id + "'");
      }
      changed[0] = h.releasedAt().isEmpty();
      out[0] = changed[0]
          ? new LegalHold(h.id(), h.scope(), h.reason(), h.placedAt(), h.until(), Optional.of(clock.instant())) : h;
      holds.put(id, out[0]);
    });
    if (changed[0]) {
      audit.append("legal-hold.released", Map.of("hold", id));
    }
    return out[0];
  }

  /**
   * Forgets the holds on {@code subject} that are no longer in force, so that after the subject's
   * erasure no hold names them (their placing and release stay in the audit log by hold id).
   *
   * @return how many holds were forgotten
   */
  public synchronized int forget(Pseudonym subject) {
    Objects.requireNonNull(subject, "subject");
    Instant now = clock.instant();
    List<String> gone = new ArrayList<>();
    update(holds -> holds.values().removeIf(h -> {
      boolean forget = h.scope().subject().map(subject::equals).orElse(false) && !h.activeAt(now);
      if (forget) {
        gone.add(h.id());
      }
      return forget;
    }));
    for (String id : gone) {
      audit.append("legal-hold.forgotten", Map.of("hold", id));
    }
    return gone.size();
  }

  /** Every hold, placed, released or ended, oldest first. */
  public List<LegalHold> all() {
    return view;
  }

  /** The holds in force at {@code at}. */
  public List<LegalHold> active(Instant at) {
    return view.stream().filter(h -> h.activeAt(at)).toList();
  }

  /** The first hold in force at {@code at} over records of {@code subject} in {@code category}. */
  public Optional<LegalHold> holding(Pseudonym subject, String category, Instant at) {
    for (LegalHold h : view) {
      if (h.holds(subject, category, at)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** Re-reads the holds file, picking up holds placed or released by another process. */
  public synchronized void reload() {
    if (file == null) {
      return;
    }
    try {
      view = List.copyOf(HoldsFile.read(file).values());
    } catch (IOException e) {
      throw new RetentionException("cannot read the legal holds in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Applies a change to the holds: under the file lock, on the file's current content. */
  private void update(java.util.function.Consumer<Map<String, LegalHold>> change) {
    if (file == null) {
      Map<String, LegalHold> holds = new LinkedHashMap<>();
      view.forEach(h -> holds.put(h.id(), h));
      change.accept(holds);
      view = List.copyOf(holds.values());
      return;
    }
    try {
      view = List.copyOf(HoldsFile.update(file, change).values());
    } catch (IOException e) {
      throw new RetentionException("cannot write the legal holds in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Configures {@link LegalHolds}. */
  public static final class Builder {
    private Path file;
    private AuditLog audit;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The JSON file holds are kept in (created on the first change); default: memory only. */
    public Builder file(Path file) {
      this.file = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Where placing, releasing and forgetting holds is recorded. Required. */
    public Builder audit(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /** The clock that dates holds; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Reads the holds file, if there is one.
     *
     * @throws IllegalStateException if no audit log was given
     * @throws RetentionException if the file cannot be read or is not a holds file
     */
    public LegalHolds open() {
      if (audit == null) {
        throw new IllegalStateException("legal holds need an audit log: call audit(...)");
      }
      LegalHolds h = new LegalHolds(this);
      h.reload();
      return h;
    }
  }
}
