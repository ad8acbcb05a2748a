package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.ConsentException;
import dev.warden.consent.retention.HoldScope;
import dev.warden.consent.retention.LegalHold;
import dev.warden.consent.retention.RetentionEngine;
import dev.warden.consent.retention.RetentionPlan;
import dev.warden.consent.retention.RetentionRun;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyValidationException;
import dev.warden.policy.audit.Pseudonym;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden retention plan|run|hold|release}. */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = "Apply the policy's retention schedule to the embedded stores, and place or release legal holds.",
    subcommands = {RetentionCommand.Plan.class, RetentionCommand.Run.class, RetentionCommand.Hold.class,
        RetentionCommand.Release.class})
final class RetentionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: plan, run, hold or release");
  }

  /** What every retention subcommand takes. */
  abstract static class StoreCommand implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", required = true,
        description = "The Warden data directory (consent/, audit/, retention/, dsr/).")
    Path store;

    Policy policy() {
      return Policy.defaultPolicy();
    }

    @Override
    public Integer call() {
      try (DataStores s = DataStores.open(store, policy())) {
        return run(s, spec.commandLine().getOut());
      } catch (ConsentException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
    }

    abstract int run(DataStores stores, PrintWriter out);
  }

  /** Plan and run apply a policy file. */
  abstract static class PolicyFileCommand extends StoreCommand {
    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "The policy whose rules apply.")
    Path policy;

    @Override
    Policy policy() {
      return PolicyCommand.loadValid(policy);
    }
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Show, per source and data category, how many records are due now and how many are kept by"
          + " a legal hold or an exemption.")
  static final class Plan extends PolicyFileCommand {
    // Accepted so that "plan|run ... [--dry-run]" works with either verb; a plan never erases.
    @Option(names = "--dry-run", description = "Accepted for symmetry with run; a plan never changes anything.")
    boolean dryRun;

    @Override
    int run(DataStores stores, PrintWriter out) {
      RetentionPlan plan = stores.engine(5_000).plan();
      if (output.json) {
        Output.pretty(out, json(plan, false));
        return 0;
      }
      out.println("Retention plan at " + plan.at() + " under policy " + plan.policy());
      for (RetentionPlan.Phase p : plan.phases()) {
        out.printf(Locale.ROOT, "  %-15s %-20s %-6s from %-18s due %7d   held %6d%n", p.source(), p.dataCategory(),
            p.rule().period(), name(p.rule().from()), p.due().size(), p.held().size());
      }
      problems(out, plan.problems());
      out.println("A run now would erase " + plan.dueCount() + " record(s); " + plan.heldCount()
          + " past their period are kept by a legal hold or an exemption.");
      return 0;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Erase every record whose retention period has ended, in checkpointed batches; a run a crash"
          + " interrupted is finished first. With --dry-run, list what would be erased and erase nothing.")
  static final class Run extends PolicyFileCommand {
    @Option(names = "--dry-run", description = "List the records that would be erased; change nothing.")
    boolean dryRun;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "5000",
        description = "Records erased per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    int run(DataStores stores, PrintWriter out) {
      RetentionEngine engine;
      try {
        engine = stores.engine(batch);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      if (dryRun) {
        RetentionPlan plan = engine.plan();
        if (output.json) {
          Output.pretty(out, json(plan, true));
          return 0;
        }
        out.println("Dry run at " + plan.at() + " under policy " + plan.policy() + ": nothing is erased.");
        for (RetentionPlan.Phase p : plan.phases()) {
          for (RetentionPlan.Due d : p.due()) {
            out.println("  would erase  " + p.source() + "  " + p.dataCategory() + "  " + d.record().id() + "  "
                + d.record().subject() + "  due since " + d.dueAt());
          }
          for (RetentionPlan.Held h : p.held()) {
            out.println("  would keep   " + p.source() + "  " + p.dataCategory() + "  " + h.record().id() + "  "
                + h.record().subject() + "  " + h.why());
          }
        }
        problems(out, plan.problems());
        out.println("Would erase " + plan.dueCount() + " record(s) and keep " + plan.heldCount() + ".");
        return 0;
      }
      RetentionRun run = engine.run();
      if (output.json) {
        ObjectNode o = Output.object();
        o.put("run", run.id());
        o.put("at", run.at().toString());
        o.put("resumed", run.resumed());
        o.put("erased", run.erased());
        o.put("held", run.held());
        ArrayNode phases = o.putArray("phases");
        for (RetentionRun.PhaseResult p : run.phases()) {
          phases.addObject().put("source", p.source()).put("dataCategory", p.dataCategory()).put("rule", p.rule())
              .put("erased", p.erased()).put("kept", p.kept()).put("held", p.held()).put("recovered", p.recovered())
              .put("failed", p.failed());
        }
        run.problems().forEach(o.putArray("problems")::add);
        Output.pretty(out, o);
        return run.phases().stream().anyMatch(RetentionRun.PhaseResult::failed) ? Main.EXIT_FAILED : 0;
      }
      out.println("Retention run " + run.id() + " at " + run.at() + (run.resumed() ? " (resumed after a crash)" : ""));
      for (RetentionRun.PhaseResult p : run.phases()) {
        out.printf(Locale.ROOT, "  %-15s %-20s erased %7d   held %6d%s%n", p.source(), p.dataCategory(), p.erased(),
            p.held(), p.failed() ? "   FAILED (retried by the next run)" : "");
      }
      problems(out, run.problems());
      out.println("Erased " + run.erased() + " record(s); kept " + run.held() + " under a legal hold or exemption.");
      return run.phases().stream().anyMatch(RetentionRun.PhaseResult::failed) ? Main.EXIT_FAILED : 0;
    }
  }

  @Command(name = "hold", mixinStandardHelpOptions = true,
      description = "Place a legal hold: records it covers are not erased until it is released or ends.")
  static final class Hold extends StoreCommand {
    @Option(names = "--subject", paramLabel = "PSEUDONYM", description = "Hold this subject's data.")
    String subject;

    @Option(names = "--category", paramLabel = "ID", description = "Hold this data category.")
    String category;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
        description = "Why (a case number); never personal data.")
    String reason;

    @Option(names = "--until", paramLabel = "DATE", description = "When the hold ends by itself (2027-06-30 or an"
        + " ISO-8601 instant).")
    String until;

    @Override
    int run(DataStores stores, PrintWriter out) {
      LegalHold h;
      try {
        HoldScope scope = new HoldScope(Optional.ofNullable(subject).map(Pseudonym::of), Optional.ofNullable(category));
        h = until == null ? stores.holds.place(scope, reason) : stores.holds.place(scope, reason, instant(until));
      } catch (IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      out.println(output.json ? "{\"hold\":\"" + h.id() + "\"}" : "Placed legal hold " + h.id());
      return 0;
    }

    private static Instant instant(String s) {
      try {
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new CliFailure(Main.EXIT_USAGE, "--until must be a date such as 2027-06-30 or an ISO-8601 instant, got '"
            + s + "'");
      }
    }
  }

  @Command(name = "release", mixinStandardHelpOptions = true,
      description = "Release a legal hold: the next run erases what it kept, if it is due.")
  static final class Release extends StoreCommand {
    @Parameters(index = "0", paramLabel = "HOLD", description = "The hold's id.")
    String id;

    @Override
    int run(DataStores stores, PrintWriter out) {
      try {
        LegalHold h = stores.holds.release(id);
        out.println("Released legal hold " + h.id() + " at " + h.releasedAt().orElseThrow());
      } catch (IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      return 0;
    }
  }

  static ObjectNode json(RetentionPlan plan, boolean records) {
    ObjectNode o = Output.object();
    o.put("at", plan.at().toString());
    o.put("policy", plan.policy().toString());
    o.put("due", plan.dueCount());
    o.put("held", plan.heldCount());
    ArrayNode phases = o.putArray("phases");
    for (RetentionPlan.Phase p : plan.phases()) {
      ObjectNode ph = phases.addObject().put("source", p.source()).put("dataCategory", p.dataCategory())
          .put("rule", p.rule().id()).put("period", p.rule().period().toString()).put("from", name(p.rule().from()))
          .put("due", p.due().size()).put("held", p.held().size());
      if (records) {
        ArrayNode due = ph.putArray("erase");
        p.due().forEach(d -> due.addObject().put("record", d.record().id()).put("subject", d.record().subject().value())
            .put("dueAt", d.dueAt().toString()));
        ArrayNode held = ph.putArray("keep");
        p.held().forEach(h -> held.addObject().put("record", h.record().id())
            .put("subject", h.record().subject().value()).put("why", h.why()));
      }
    }
    plan.problems().forEach(o.putArray("problems")::add);
    return o;
  }

  private static void problems(PrintWriter out, java.util.List<String> problems) {
    if (!problems.isEmpty()) {
      out.println("Problems:");
      problems.forEach(p -> out.println("  " + p));
    }
  }

  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
