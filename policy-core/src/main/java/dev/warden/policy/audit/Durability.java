package dev.warden.policy.audit;

/** When an appended audit entry is forced to stable storage. */
public enum Durability {
  /**
   * Every append is written and forced to disk ({@code fsync}) before it returns: an acknowledged
   * entry survives a process crash and a power loss.
   */
  SYNC,
  /**
   * An append returns once an {@code fsync} that covers it has completed, and concurrent appenders
   * share one {@code fsync}: the guarantee of {@link #SYNC} at a fraction of the cost under load.
   */
  GROUP_COMMIT,
  /**
   * An append returns once the entry is handed to the operating system, without {@code fsync}: it
   * survives a crash of the process but not of the machine. {@link AuditLog#sync()} forces it.
   */
  OS
}
