package dev.warden.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Options every command takes, and the JSON writer they share. */
public final class Output {

  static final ObjectMapper JSON = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  @CommandLine.Option(names = "--json", description = "Write machine-readable JSON instead of text.")
  boolean json;

  @CommandLine.Option(names = "--debug", description = "Print stack traces with errors.")
  boolean debug;

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Writes one JSON value on one line. */
  static void line(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
  }

  /** Writes one JSON value, indented. */
  static void pretty(PrintWriter out, Object value) {
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
  }
}
