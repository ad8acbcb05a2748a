package dev.warden.consent.ledger;

import dev.warden.policy.Policy;
import dev.warden.policy.audit.Durability;
import dev.warden.policy.audit.Pseudonym;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link KillNineTest}: appends records from several threads with group
 * commit and prints {@code ACK <record id>} after each append returns (or, with a third argument
 * {@code async}, when each queued record's future completes), until it is killed.
 */
public final class LedgerChild {

  private LedgerChild() {}

  public static void main(String[] args) throws Exception {
    ConsentStore store = ConsentStore.journal(Path.of(args[0])).durability(Durability.GROUP_COMMIT)
        .snapshotEvery(Long.parseLong(args[1])).open();
    ConsentLedger ledger = ConsentLedger.builder().policy(Policy.defaultPolicy()).store(store).build();
    PrintStream out = System.out;
    if (args.length > 2 && args[2].equals("async")) {
      java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(256);
      System.out.println("STARTED");
      for (int i = 0; ; i++) {
        window.acquire();
        ledger.recordAsync(Pseudonym.of("ps_a_" + (i % 200)), Map.of("analytics", i % 2 == 0), CollectionMethod.API,
            "en").thenAccept(r -> {
              synchronized (out) {
                out.println("ACK " + r.recordId() + " " + r.subject().value());
                out.flush();
              }
              window.release();
            });
      }
    }
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      threads[t] = new Thread(() -> {
        for (int i = 0; ; i++) {
          ConsentRecord r = ledger.record(Pseudonym.of("ps_t" + id + "_" + (i % 50)),
              Map.of("analytics", i % 2 == 0), CollectionMethod.API, "en");
          synchronized (out) {
            out.println("ACK " + r.recordId() + " " + r.subject().value());
            out.flush();
          }
        }
      });
      threads[t].start();
    }
    System.out.println("STARTED");
    for (Thread t : threads) {
      t.join();
    }
  }
}
