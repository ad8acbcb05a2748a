package dev.warden.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code warden} command. Exit codes: 0 success; 1 the check failed (an invalid policy, a
 * journal that does not verify); 2 a usage or input error (unknown option, unreadable file).
 * Errors are one line on stderr; {@code --debug} adds the stack trace.
 */
@Command(
    name = "warden",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Enforce a site's privacy and content policy: policies, audit journals, moderation, cookies.",
    subcommands = {
        PolicyCommand.class,
        AuditCommand.class,
        ImageCommand.class,
        TcfCommand.class,
        GppCommand.class,
        CookiesCommand.class,
        ConsentCommand.class,
        RetentionCommand.class,
        DsrCommand.class,
        DemoCommand.class,
        ModerateCommand.class,
        EvalCommand.class,
        TrainCommand.class,
        CalibrateCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** The check ran and failed. */
  public static final int EXIT_FAILED = 1;
  /** The command line or its input was wrong. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(execute(args, out, err));
  }

  /** Runs the command line and returns its exit code; the entry point for tests. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("warden: " + ex.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      }
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      err.println("warden: " + oneLine(ex));
      if (debug) {
        ex.printStackTrace(err);
      }
      err.flush();
      return ex instanceof CliFailure f ? f.exitCode() : EXIT_USAGE;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      m = t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"warden " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
