package dev.warden.consent.ledger;

import dev.warden.policy.audit.Pseudonym;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The store behind {@link ConsentStore#inMemory()}. */
final class InMemoryConsentStore implements IndexedStore {

  private final RecordIndex index = new RecordIndex();
  private final AtomicLong seq = new AtomicLong();
  private final Clock clock;
  private volatile boolean closed;

  InMemoryConsentStore() {
    this(Clock.systemUTC());
  }

  InMemoryConsentStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void append(ConsentRecord record) {
    Objects.requireNonNull(record, "record");
    checkOpen();
    index.add(record, seq.incrementAndGet());
  }

  @Override
  public RecordIndex index() {
    return index;
  }

  @Override
  public synchronized ErasureProof erase(Pseudonym subject, String reference) {
    checkOpen();
    ErasureProof p = proof(index.remove(subject), subject, reference, clock.instant());
    index.putErasure(p);
    return p;
  }

  static ErasureProof proof(List<ConsentRecord> erased, Pseudonym subject, String reference, Instant at) {
    StringBuilder lines = new StringBuilder();
    for (ConsentRecord r : erased) {
      lines.append(RecordCodec.line(r)).append('\n');
    }
    return new ErasureProof(ErasureProof.digestOf(subject), at, erased.size(),
        ErasureProof.sha256Hex(lines.toString().getBytes(StandardCharsets.UTF_8)), Optional.ofNullable(reference));
  }

  @Override
  public Optional<ErasureProof> erasureOf(Pseudonym subject) {
    return index.erasureOf(subject);
  }

  @Override
  public List<ErasureProof> erasures() {
    return List.copyOf(index.erasures());
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("consent store is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
