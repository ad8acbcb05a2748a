package dev.warden.moderation.semantic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a head file; weights keep 7 significant digits (float precision). */
final class HeadFileWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HeadFileWriter() {}

  static String write(TextHeads heads) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", TextHeads.FORMAT).put("version", TextHeads.VERSION)
        .put("encoder", heads.encoder()).put("dimension", heads.dimension());
    ObjectNode training = root.putObject("training");
    for (Map.Entry<String, String> e : new TreeMap<>(heads.training()).entrySet()) {
      training.put(e.getKey(), e.getValue());
    }
    ArrayNode list = root.putArray("heads");
    for (TextHead h : heads.heads()) {
      ObjectNode o = list.addObject();
      o.put("id", h.id()).put("category", h.category().id())
          .put("severity", h.severity().name().toLowerCase(Locale.ROOT));
      switch (h) {
        case TextHead.Logistic l -> {
          o.put("type", "logistic");
          vector(o.putArray("weights"), l.weights());
          o.put("bias", round(l.bias()));
        }
        case TextHead.Prototypes p -> {
          o.put("type", "prototypes");
          o.put("scale", round(p.scale())).put("offset", round(p.offset()));
          ArrayNode ps = o.putArray("prototypes");
          for (float[] v : p.prototypes()) {
            vector(ps.addArray(), v);
          }
        }
      }
      h.calibration().ifPresent(c -> o.putObject("calibration").put("positives", c.positives())
          .put("benign", c.benign()).put("recall", round(c.recall()))
          .put("benignFalsePositiveRate", round(c.benignFalsePositiveRate())));
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).replaceAll(
          "\\[\\s*([-0-9.eE,\\s]+?)\\s*\\]", "[$1]").replaceAll(",\\s+(?=[-0-9])", ", ") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void vector(ArrayNode a, float[] v) {
    for (float x : v) {
      a.add(Float.parseFloat(String.format(Locale.ROOT, "%.7g", x)));
    }
  }

  private static double round(double d) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.9g", d));
  }
}
