package dev.warden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.consent.tcf.TcString;
import dev.warden.consent.tcf.TcStringException;
import dev.warden.consent.tcf.TcStringValidator;
import dev.warden.consent.tcf.TcViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code warden tcf decode|encode|validate}: IAB TCF TC strings. */
@Command(name = "tcf", description = "Decode, encode and validate IAB TCF TC strings.",
    mixinStandardHelpOptions = true,
    subcommands = {TcfCommand.Decode.class, TcfCommand.Encode.class, TcfCommand.Validate.class})
final class TcfCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: decode, encode or validate");
  }

  static ObjectNode error(String message, int bitOffset) {
    ObjectNode o = Output.object();
    o.put("error", message);
    o.put("bitOffset", bitOffset);
    return o;
  }

  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = "Decode TC strings: one JSON object per line per string (keys as in docs/tcf.md)."
          + " An invalid string gives {\"error\", \"bitOffset\"}. Exit 0 when all decode, 1 when any does not."
          + " Reads standard input when no STRING or --input is given.")
  static final class Decode implements Callable<Integer> {
    @Mixin Output output;
    @Mixin ConsentStringInput in;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      boolean ok = true;
      for (String s : in.strings()) {
        try {
          Output.line(out, TcfJson.toJson(TcString.decode(s)));
        } catch (TcStringException e) {
          ok = false;
          Output.line(out, error(e.getMessage(), e.bitOffset()));
        }
      }
      return ok ? 0 : Main.EXIT_FAILED;
    }
  }

  @Command(name = "encode", mixinStandardHelpOptions = true,
      description = "Encode the JSON objects that 'warden tcf decode' writes (one or more, from JSON, --input"
          + " FILE or standard input) back into TC strings, one per line.")
  static final class Encode implements Callable<Integer> {
    @Mixin Output output;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "JSON", description = "A JSON object.")
    String json;

    @Option(names = "--input", paramLabel = "FILE", description = "Read JSON objects from FILE ('-' for standard input).")
    Path input;

    @Override
    public Integer call() throws IOException {
      if (json != null && input != null) {
        throw new CliFailure(Main.EXIT_USAGE, "give JSON or --input FILE, not both");
      }
      PrintWriter out = spec.commandLine().getOut();
      int n = 0;
      try (InputStream stream = json != null ? new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))
          : input == null || input.toString().equals("-") ? System.in : open(input);
          MappingIterator<JsonNode> it = Output.JSON.readerFor(JsonNode.class).readValues(stream)) {
        while (it.hasNextValue()) {
          JsonNode node = it.nextValue();
          n++;
          try {
            out.println(TcfJson.fromJson(node, Clock.systemUTC()).encode());
          } catch (IllegalArgumentException e) {
            throw new CliFailure(Main.EXIT_USAGE, "object " + n + ": " + e.getMessage());
          }
        }
      } catch (JsonProcessingException e) {
        throw new CliFailure(Main.EXIT_USAGE, "object " + (n + 1) + ": not valid JSON: " + e.getOriginalMessage());
      }
      if (n == 0) {
        throw new CliFailure(Main.EXIT_USAGE, "no JSON object to encode");
      }
      return 0;
    }

    private static InputStream open(Path p) {
      try {
        return Files.newInputStream(p);
      } catch (IOException e) {
        throw new CliFailure(Main.EXIT_USAGE, "cannot read " + p + ": " + e.getMessage());
      }
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check TC strings against the TCF 2.2/2.3 policy and list every violation."
          + " Exit 0 when all are valid, 1 when any is invalid or does not decode.")
  static final class Validate implements Callable<Integer> {
    @Mixin Output output;
    @Mixin ConsentStringInput in;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      TcStringValidator validator = TcStringValidator.builder().build();
      boolean ok = true;
      for (String s : in.strings()) {
        List<TcViolation> violations;
        try {
          violations = validator.validate(TcString.decode(s));
        } catch (TcStringException e) {
          ok = false;
          if (output.json) {
            Output.line(out, error(e.getMessage(), e.bitOffset()));
          } else {
            out.println("does not decode: " + e.getMessage());
          }
          continue;
        }
        ok &= violations.isEmpty();
        if (output.json) {
          ObjectNode o = Output.object();
          o.put("valid", violations.isEmpty());
          ArrayNode a = o.putArray("violations");
          violations.forEach(v -> a.addObject().put("rule", v.rule().name()).put("field", v.field())
              .put("message", v.message()));
          Output.line(out, o);
        } else if (violations.isEmpty()) {
          out.println("valid");
        } else {
          violations.forEach(v -> out.println(v.rule() + " " + v.field() + ": " + v.message()));
          out.println("invalid: " + violations.size() + (violations.size() == 1 ? " violation" : " violations"));
        }
      }
      return ok ? 0 : Main.EXIT_FAILED;
    }
  }
}
