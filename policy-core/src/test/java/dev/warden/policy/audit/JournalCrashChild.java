package dev.warden.policy.audit;

import java.nio.file.Path;
import java.util.Map;

/**
 * Appends to a journal until killed, printing {@code ack N} after each append returns. Run as a
 * child JVM by {@link AuditCrashTest}; public only so the launcher can start it.
 */
public final class JournalCrashChild {

  private JournalCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Durability durability = Durability.valueOf(args[1]);
    int threads = Integer.parseInt(args[2]);
    AuditJournal j = AuditJournal.builder(dir).durability(durability).open();
    System.out.println("open " + j.lastSequence());
    System.out.flush();
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      ts[t] = new Thread(() -> {
        for (long i = 0; ; i++) {
          AuditEntry e = j.append("crash.test", Map.of("thread", id, "i", i, "pad", "p".repeat((int) (i % 97))));
          synchronized (System.out) {
            System.out.println("ack " + e.sequence());
            System.out.flush();
          }
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
  }
}
