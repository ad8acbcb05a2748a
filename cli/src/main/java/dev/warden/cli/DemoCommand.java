package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policy.Policy;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden demo}: what Warden does with its embedded defaults and no configuration. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Show Warden at work on its embedded defaults: the default policy and what it decides.")
final class DemoCommand implements Runnable {

  @Mixin Output output;
  @Spec CommandSpec spec;

  static List<DemoSection> sections() {
    Policy policy = Policy.defaultPolicy();
    return List.of(
        new PolicyDemo(policy),
        new ImageDemo(policy),
        new EnforcementDemo(policy),
        new TcfDemo(),
        new ModerationDemo(policy),
        new ConsentDemo(policy),
        new RetentionDemo(policy));
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    List<DemoSection> sections = sections();
    if (output.json) {
      ObjectNode o = Output.object();
      for (DemoSection s : sections) {
        o.set(s.name(), s.toJson());
      }
      Output.pretty(out, o);
      return;
    }
    for (DemoSection s : sections) {
      out.println("== " + s.name() + " ==");
      s.printText(out);
      out.println();
    }
  }
}
