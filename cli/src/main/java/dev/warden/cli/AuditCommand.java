package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policy.audit.AuditJournal;
import dev.warden.policy.audit.AuditJournalException;
import dev.warden.policy.audit.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden audit verify}. */
@Command(name = "audit", description = "Check audit journals.", mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify the hash chain of audit journal files or directories (checked in the order"
          + " given, as one chain). Exit 0 when intact, 1 when any entry was modified, deleted,"
          + " reordered or inserted, or the end was cut off.")
  static final class Verify implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Journal directories or segment files.")
    List<Path> files;

    @Option(names = "--key-file", paramLabel = "FILE", description = "The journal's HMAC key, if it has one.")
    Path keyFile;

    @Override
    public Integer call() throws IOException {
      byte[] key = null;
      if (keyFile != null) {
        if (!Files.isReadable(keyFile)) {
          throw new CliFailure(Main.EXIT_USAGE, "cannot read key file " + keyFile);
        }
        key = Files.readAllBytes(keyFile);
      }
      VerificationReport r;
      try {
        r = AuditJournal.verify(files, key);
      } catch (AuditJournalException e) {
        throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output.json) {
        ObjectNode o = Output.object();
        o.put("ok", r.ok());
        o.put("entries", r.entries());
        o.put("firstSequence", r.firstSequence());
        o.put("lastSequence", r.lastSequence());
        o.put("lastHash", r.lastHash());
        ArrayNode a = o.putArray("problems");
        for (VerificationReport.Problem p : r.problems()) {
          a.addObject().put("kind", p.kind().name()).put("file", p.file()).put("line", p.line())
              .put("sequence", p.sequence()).put("message", p.message());
        }
        Output.pretty(out, o);
      } else {
        r.problems().forEach(out::println);
        if (r.ok()) {
          out.println("ok: " + r.entries() + " entries" + (r.entries() > 0
              ? " (" + r.firstSequence() + " to " + r.lastSequence() + "), last hash " + r.lastHash() : ""));
        } else {
          out.println("FAILED: " + r.problems().size() + " problems in " + r.entries() + " entries");
        }
      }
      return r.ok() ? 0 : Main.EXIT_FAILED;
    }
  }
}
