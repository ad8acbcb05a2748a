package dev.warden.moderation.enforcement;

import dev.warden.policy.audit.Pseudonym;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The heap store: one record per account, updated atomically by {@code compute}. */
final class InMemoryEnforcementStore implements EnforcementStore {

  private final ConcurrentHashMap<Pseudonym, AccountRecord> records = new ConcurrentHashMap<>();

  @Override
  public AccountRecord get(Pseudonym account) {
    return records.getOrDefault(Objects.requireNonNull(account, "account"), AccountRecord.empty(account));
  }

  @Override
  public AccountRecord update(Pseudonym account, UnaryOperator<AccountRecord> change) {
    Objects.requireNonNull(account, "account");
    return records.compute(account, (k, old) -> {
      AccountRecord next = change.apply(old == null ? AccountRecord.empty(k) : old);
      if (!next.account().equals(k)) {
        throw new IllegalArgumentException("an update of " + k + " returned a record of " + next.account());
      }
      return next;
    });
  }
}
