package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.ConsentState;
import dev.warden.consent.ledger.ConsentLedger;
import dev.warden.consent.ledger.ConsentRecord;
import dev.warden.consent.ledger.ConsentStore;
import dev.warden.consent.ledger.ConsentStoreException;
import dev.warden.consent.ledger.Renewal;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden consent show|export}. */
@Command(name = "consent", description = "Read the consent ledger: a subject's current consent, and their receipts.",
    mixinStandardHelpOptions = true, subcommands = {ConsentCommand.Show.class, ConsentCommand.Export.class})
final class ConsentCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: show or export");
  }

  /** What both subcommands take. */
  abstract static class StoreCommand implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject's pseudonym.")
    String subject;

    @Option(names = "--store", paramLabel = "DIR", required = true, description = "The consent store directory.")
    Path store;

    @Option(names = "--policy", paramLabel = "FILE", description = "The current policy (default: the embedded default).")
    Path policy;

    @Option(names = "--earlier-policy", paramLabel = "FILE",
        description = "An earlier version of the policy, to check consents given under it (repeatable).")
    List<Path> earlier = List.of();

    @Override
    public Integer call() {
      Pseudonym who;
      try {
        who = Pseudonym.of(subject);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      if (!Files.isDirectory(store) || !Files.exists(store.resolve("CURRENT"))) {
        // Opening creates a store; a command that only reads must not create one by mistake.
        throw new CliFailure(Main.EXIT_USAGE, "no consent store at " + store + " (no CURRENT file)");
      }
      Policy p = policy == null ? Policy.defaultPolicy() : PolicyCommand.loadValid(policy);
      List<Policy> before = earlier.stream().map(PolicyCommand::load).toList();
      try (ConsentStore s = ConsentStore.journal(store).open()) {
        ConsentLedger ledger = ConsentLedger.builder().policy(p).earlierPolicies(before).store(s).build();
        run(ledger, who, spec.commandLine().getOut());
      } catch (ConsentStoreException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      return 0;
    }

    abstract void run(ConsentLedger ledger, Pseudonym who, PrintWriter out);
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a subject's current consent, whether it must be renewed, and their records.")
  static final class Show extends StoreCommand {
    @Override
    void run(ConsentLedger ledger, Pseudonym who, PrintWriter out) {
      ConsentState state = ledger.state(who);
      Renewal renewal = ledger.renewal(who);
      List<ConsentRecord> history = ledger.history(who);
      if (output.json) {
        ObjectNode o = Output.object();
        o.put("subject", who.value());
        ObjectNode st = o.putObject("state");
        new TreeMap<>(state.choices()).forEach(st::put);
        o.put("needsRenewal", renewal.needed());
        renewal.reasons().forEach(o.withArray("renewalReasons")::add);
        o.put("records", history.size());
        ledger.current(who).ifPresent(r -> {
          ObjectNode l = o.putObject("latest");
          l.put("recordId", r.recordId());
          l.put("event", r.event().id());
          l.put("method", r.method().id());
          l.put("timestamp", r.timestamp().toString());
          l.put("expiresAt", r.expiresAt().toString());
          l.put("policy", r.policy().toString());
        });
        ledger.store().erasureOf(who).ifPresent(e -> o.put("erasedAt", e.erasedAt().toString()));
        Output.pretty(out, o);
        return;
      }
      out.println("Subject " + who.value() + ": " + history.size() + " record(s)");
      for (ConsentRecord r : history) {
        out.println("  " + r.timestamp() + "  " + r.event().id() + " via " + r.method().id() + " under " + r.policy()
            + "  " + granted(r.categories()));
      }
      ledger.store().erasureOf(who).ifPresent(e -> out.println("  erased at " + e.erasedAt() + " ("
          + e.recordCount() + " records)"));
      out.println("Allows now: " + granted(state.choices()));
      out.println(renewal.needed() ? "Must be asked again: " + String.join("; ", renewal.reasons())
          : "Consent is current.");
    }

    private static String granted(Map<String, Boolean> m) {
      StringBuilder sb = new StringBuilder();
      new TreeMap<>(m).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(v ? "+" : "-").append(k));
      return sb.length() == 0 ? "(no choice: defaults)" : sb.toString();
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export everything the ledger holds about a subject as JSON: every receipt, the current state,"
          + " renewal, and the erasure proof if any.")
  static final class Export extends StoreCommand {
    @Override
    void run(ConsentLedger ledger, Pseudonym who, PrintWriter out) {
      out.println(ledger.export(who));
    }
  }
}
