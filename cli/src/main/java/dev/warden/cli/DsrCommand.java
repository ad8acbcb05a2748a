package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.ConsentException;
import dev.warden.consent.dsr.DataSubjectRequest;
import dev.warden.consent.dsr.DataSubjectRequests;
import dev.warden.consent.dsr.RequestState;
import dev.warden.consent.dsr.RequestType;
import dev.warden.consent.dsr.Retained;
import dev.warden.consent.dsr.SourceOutcome;
import dev.warden.consent.dsr.Transition;
import dev.warden.policy.Policy;
import dev.warden.policy.audit.Pseudonym;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden dsr submit|status|export|process|extend|refuse}. */
@Command(name = "dsr", mixinStandardHelpOptions = true,
    description = "Data-subject requests against the embedded stores: access, export, rectification, erasure.",
    subcommands = {DsrCommand.Submit.class, DsrCommand.Status.class, DsrCommand.Export.class,
        DsrCommand.Process.class, DsrCommand.Extend.class, DsrCommand.Refuse.class})
final class DsrCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: submit, status, export, process, extend or refuse");
  }

  /** What every dsr subcommand takes. */
  abstract static class RequestsCommand implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", required = true,
        description = "The Warden data directory (consent/, audit/, retention/, dsr/).")
    Path store;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy (default: the embedded default).")
    Path policy;

    @Override
    public Integer call() {
      Policy p = policy == null ? Policy.defaultPolicy() : PolicyCommand.loadValid(policy);
      try (DataStores s = DataStores.open(store, p); DataSubjectRequests dsr = s.requests()) {
        return run(dsr, spec.commandLine().getOut());
      } catch (ConsentException | IllegalArgumentException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
    }

    abstract int run(DataSubjectRequests dsr, PrintWriter out);

    void show(PrintWriter out, DataSubjectRequest r) {
      if (output.json) {
        Output.pretty(out, json(r));
        return;
      }
      out.println("Request " + r.id() + ": " + r.type().id() + " by "
          + r.subject().map(Pseudonym::value).orElse("an erased subject (" + r.subjectDigest() + ")"));
      out.println("  state " + r.state().id() + ", received " + r.receivedAt() + ", due " + r.dueAt()
          + (r.extension().isZero() ? "" : " (extended by " + r.extension() + ")")
          + (r.overdue(Instant.now()) ? ", OVERDUE" : ""));
      r.refusal().ifPresent(x -> out.println("  refused: " + x));
      for (SourceOutcome s : r.sources()) {
        StringBuilder line = new StringBuilder("  " + s.source() + ": " + name(s.status()) + ", " + s.records()
            + " record(s), " + s.attempts() + " attempt(s)");
        s.error().ifPresent(e -> line.append("; last error: ").append(e));
        s.nextAttemptAt().ifPresent(t -> line.append("; retry after ").append(t));
        s.note().ifPresent(n -> line.append("; ").append(n));
        out.println(line);
        for (Retained k : s.retained()) {
          out.println("    kept " + k.records() + " " + k.dataCategory() + " record(s): " + k.basis());
        }
      }
    }
  }

  /** Subcommands that act on one request. */
  abstract static class OneRequestCommand extends RequestsCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The request's id.")
    String id;
  }

  @Command(name = "submit", mixinStandardHelpOptions = true,
      description = "Receive a request. With --verified, confirm the subject's identity and carry it out at once.")
  static final class Submit extends RequestsCommand {
    @Parameters(index = "0", paramLabel = "TYPE", description = "access, export, rectification or erasure.")
    String type;

    @Parameters(index = "1", paramLabel = "SUBJECT", description = "The subject's pseudonym.")
    String subject;

    @Option(names = "--correct", paramLabel = "FIELD=VALUE",
        description = "For a rectification: a corrected value (repeatable).")
    Map<String, String> corrections = new LinkedHashMap<>();

    @Option(names = "--verified", paramLabel = "HOW",
        description = "How the subject's identity was confirmed; then the request is carried out now.")
    String verified;

    @Override
    int run(DataSubjectRequests dsr, PrintWriter out) {
      RequestType t = RequestType.parse(type.toLowerCase(Locale.ROOT));
      Pseudonym who = Pseudonym.of(subject);
      if (t != RequestType.RECTIFICATION && !corrections.isEmpty()) {
        throw new CliFailure(Main.EXIT_USAGE, "--correct applies to rectification requests only");
      }
      DataSubjectRequest r = t == RequestType.RECTIFICATION
          ? dsr.submitRectification(who, Map.copyOf(corrections)) : dsr.submit(t, who);
      if (verified != null && r.state() == RequestState.RECEIVED) {
        dsr.verify(r.id(), verified);
        r = dsr.process(r.id());
      }
      show(out, r);
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Show one request with each source's outcome, or list every request.")
  static final class Status extends RequestsCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The request's id (default: all).")
    String id;

    @Override
    int run(DataSubjectRequests dsr, PrintWriter out) {
      if (id != null) {
        show(out, dsr.get(id).orElseThrow(() -> new CliFailure(Main.EXIT_USAGE,
            "no data-subject request with id '" + id + "'")));
        return 0;
      }
      List<DataSubjectRequest> all = dsr.list();
      if (output.json) {
        ArrayNode a = Output.JSON.createArrayNode();
        all.forEach(r -> a.add(json(r)));
        Output.pretty(out, a);
        return 0;
      }
      Instant now = Instant.now();
      for (DataSubjectRequest r : all) {
        out.printf(Locale.ROOT, "%-24s %-13s %-11s due %s%s%n", r.id(), r.type().id(), r.state().id(), r.dueAt(),
            r.overdue(now) ? "  OVERDUE" : "");
      }
      out.println(all.size() + " request(s)");
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write a completed access or export request's answer: one JSON document with every source's"
          + " data, purposes, recipients, retention and origin.")
  static final class Export extends OneRequestCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file (default: stdout).")
    Path file;

    @Override
    int run(DataSubjectRequests dsr, PrintWriter out) {
      String doc = dsr.export(id);
      if (file == null) {
        out.println(doc);
        return 0;
      }
      try {
        Files.writeString(file, doc + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliFailure(Main.EXIT_USAGE, "cannot write " + file + ": " + e.getMessage());
      }
      out.println("Wrote the export of request " + id + " to " + file);
      return 0;
    }
  }

  @Command(name = "process", mixinStandardHelpOptions = true,
      description = "Carry a verified request out (again): sources that failed are asked again.")
  static final class Process extends OneRequestCommand {
    @Option(names = "--verified", paramLabel = "HOW", description = "Confirm the subject's identity first.")
    String verified;

    @Override
    int run(DataSubjectRequests dsr, PrintWriter out) {
      if (verified != null && dsr.get(id).map(r -> r.state() == RequestState.RECEIVED).orElse(false)) {
        dsr.verify(id, verified);
      }
      DataSubjectRequest r = dsr.process(id);
      show(out, r);
      return r.state() == RequestState.COMPLETED ? 0 : Main.EXIT_FAILED;
    }
  }

  @Command(name = "extend", mixinStandardHelpOptions = true,
      description = "Extend a complex request's deadline (at most the policy's maximum in total), with the reason.")
  static final class Extend extends OneRequestCommand {
    @Option(names = "--by", required = true, paramLabel = "PERIOD", description = "ISO-8601 period, such as P1M.")
    String by;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, as the subject is told.")
    String reason;

    @Override
    int run(DataSubjectRequests dsr, PrintWriter out) {
      Period p;
      try {
        p = Period.parse(by);
      } catch (DateTimeParseException e) {
        throw new CliFailure(Main.EXIT_USAGE, "--by must be an ISO-8601 period such as P1M, got '" + by + "'");
      }
      show(out, dsr.extend(id, p, reason));
      return 0;
    }
  }

  @Command(name = "refuse", mixinStandardHelpOptions = true, description = "Refuse a request, with the reason.")
  static final class Refuse extends OneRequestCommand {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, as the subject is told.")
    String reason;

    @Override
    int run(DataSubjectRequests dsr, PrintWriter out) {
      show(out, dsr.refuse(id, reason));
      return 0;
    }
  }

  static ObjectNode json(DataSubjectRequest r) {
    ObjectNode o = Output.object();
    o.put("id", r.id());
    o.put("type", r.type().id());
    r.subject().ifPresent(s -> o.put("subject", s.value()));
    o.put("subjectDigest", r.subjectDigest());
    o.put("state", r.state().id());
    o.put("receivedAt", r.receivedAt().toString());
    o.put("dueAt", r.dueAt().toString());
    o.put("extension", r.extension().toString());
    r.refusal().ifPresent(x -> o.put("refusal", x));
    ArrayNode history = o.putArray("history");
    for (Transition t : r.history()) {
      ObjectNode h = history.addObject().put("state", t.state().id()).put("at", t.at().toString());
      t.note().ifPresent(n -> h.put("note", n));
    }
    ArrayNode sources = o.putArray("sources");
    for (SourceOutcome s : r.sources()) {
      ObjectNode so = sources.addObject().put("source", s.source()).put("status", name(s.status()))
          .put("attempts", s.attempts()).put("records", s.records());
      s.error().ifPresent(e -> so.put("error", e));
      s.nextAttemptAt().ifPresent(t -> so.put("nextAttemptAt", t.toString()));
      s.note().ifPresent(n -> so.put("note", n));
      ArrayNode kept = so.putArray("retained");
      for (Retained k : s.retained()) {
        kept.addObject().put("dataCategory", k.dataCategory()).put("reason", name(k.reason()))
            .put("records", k.records()).put("basis", k.basis());
      }
    }
    r.correctedFields().forEach(o.putArray("correctedFields")::add);
    return o;
  }

  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
