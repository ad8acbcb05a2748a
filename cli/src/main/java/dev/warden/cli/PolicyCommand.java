package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyChange;
import dev.warden.policy.PolicyDiff;
import dev.warden.policy.PolicyProblem;
import dev.warden.policy.PolicyValidationException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden policy validate|diff|show}. */
@Command(name = "policy", description = "Validate, compare and print policy documents.",
    mixinStandardHelpOptions = true,
    subcommands = {PolicyCommand.Validate.class, PolicyCommand.Diff.class, PolicyCommand.Show.class,
        PolicyCommand.Schema.class})
final class PolicyCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: validate, diff, show or schema");
  }

  /** Loads a policy file, turning an unreadable file into a usage error. */
  static Policy load(Path file) {
    try {
      return Policy.load(file);
    } catch (UncheckedIOException e) {
      throw new CliFailure(Main.EXIT_USAGE, e.getMessage());
    }
  }

  /**
   * Loads a policy file for a command that uses it; an invalid one is refused with its first
   * problem (pointer, line, column) and a pointer to {@code warden policy validate}, since an error
   * is one line.
   */
  static Policy loadValid(Path file) {
    try {
      return load(file);
    } catch (PolicyValidationException e) {
      int n = e.problems().size();
      throw new CliFailure(Main.EXIT_USAGE, file + " is not a valid policy (" + n + (n == 1 ? " problem" : " problems")
          + ", first: " + e.problems().get(0) + "); run 'warden policy validate " + file + "'");
    }
  }

  static ObjectNode problemJson(PolicyProblem p) {
    ObjectNode o = Output.object();
    o.put("pointer", p.pointer());
    o.put("line", p.line());
    o.put("column", p.column());
    o.put("message", p.message());
    return o;
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check policy files; list every problem with its JSON Pointer, line and column."
          + " Exit 0 when all are valid, 1 when any is invalid, 2 on a usage error.")
  static final class Validate implements java.util.concurrent.Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy JSON files.")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      boolean allValid = true;
      for (Path f : files) {
        try {
          Policy p = load(f);
          if (output.json) {
            ObjectNode o = Output.object();
            o.put("file", f.toString());
            o.put("valid", true);
            o.put("id", p.id());
            o.put("version", p.version());
            o.putArray("problems");
            Output.line(out, o);
          } else {
            out.println(f + ": valid (" + p.ref() + ")");
          }
        } catch (PolicyValidationException e) {
          allValid = false;
          if (output.json) {
            ObjectNode o = Output.object();
            o.put("file", f.toString());
            o.put("valid", false);
            ArrayNode a = o.putArray("problems");
            e.problems().forEach(p -> a.add(problemJson(p)));
            Output.line(out, o);
          } else {
            for (PolicyProblem p : e.problems()) {
              out.println(f + ":" + p.line() + ":" + p.column() + ": "
                  + (p.pointer().isEmpty() ? "(document)" : p.pointer()) + ": " + p.message());
            }
            out.println(f + ": invalid, " + e.problems().size()
                + (e.problems().size() == 1 ? " problem" : " problems"));
          }
        }
      }
      return allValid ? 0 : Main.EXIT_FAILED;
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "List the changes from OLD to NEW, material ones (which need fresh consent) first.")
  static final class Diff implements java.util.concurrent.Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD") Path oldFile;
    @Parameters(index = "1", paramLabel = "NEW") Path newFile;

    @Option(names = "--fail-on-material", description = "Exit 1 when a change is material.")
    boolean failOnMaterial;

    @Override
    public Integer call() {
      Policy a = loadValid(oldFile);
      Policy b = loadValid(newFile);
      PolicyDiff d = PolicyDiff.between(a, b);
      PrintWriter out = spec.commandLine().getOut();
      if (output.json) {
        ObjectNode o = Output.object();
        o.putObject("from").put("id", d.from().id()).put("version", d.from().version());
        o.putObject("to").put("id", d.to().id()).put("version", d.to().version());
        o.put("material", d.isMaterial());
        ArrayNode arr = o.putArray("changes");
        for (PolicyChange c : d.changes()) {
          arr.addObject().put("impact", c.impact().name()).put("path", c.path()).put("description", c.description());
        }
        Output.pretty(out, o);
      } else {
        for (PolicyChange c : d.changes()) {
          out.println(c);
        }
        out.println(d.from() + " -> " + d.to() + ": " + d.material().size() + " material, "
            + d.minor().size() + " minor " + (d.changes().size() == 1 ? "change" : "changes")
            + (d.isMaterial() ? "; ask for consent again" : d.isEmpty() ? "" : "; a notice is enough"));
      }
      return failOnMaterial && d.isMaterial() ? Main.EXIT_FAILED : 0;
    }

  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print the embedded default policy, or FILE after validation, as JSON.")
  static final class Show implements Runnable {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A policy file (default: the embedded policy).")
    Path file;

    @Override
    public void run() {
      Policy p = file == null ? Policy.defaultPolicy() : loadValid(file);
      spec.commandLine().getOut().print(p.toJson());
    }
  }

  @Command(name = "schema", mixinStandardHelpOptions = true,
      description = "Print the JSON Schema of the policy format.")
  static final class Schema implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().getOut().print(Policy.jsonSchema());
    }
  }
}
