package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** One part of {@code warden demo}: each module shows what it does on the embedded defaults. */
interface DemoSection {

  /** The key of this section in the JSON output, and its heading in text. */
  String name();

  /** Runs the section and prints it for people. */
  void printText(PrintWriter out);

  /** Runs the section and returns it as JSON. */
  JsonNode toJson();
}
