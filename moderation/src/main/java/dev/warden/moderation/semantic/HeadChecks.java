package dev.warden.moderation.semantic;

import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Severity;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Argument checks and arithmetic shared by the heads. */
final class HeadChecks {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,127}");

  private HeadChecks() {}

  static void common(String id, Category category, Severity severity, Optional<HeadCalibration> calibration) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("head id must be 1 to 128 lower-case letters, digits, '.', '_', '/' or '-', got '" + id + "'");
    }
    Objects.requireNonNull(category, "head " + id + " category");
    Objects.requireNonNull(severity, "head " + id + " severity");
    Objects.requireNonNull(calibration, "head " + id + " calibration (use Optional.empty())");
  }

  static void finite(float[] v, String what) {
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException(what + " component " + i + " is " + v[i]);
      }
    }
    if (v.length == 0) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }

  static void rate(double r, String what) {
    if (!(r >= 0 && r <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], got " + r);
    }
  }

  static void dimension(TextHead h, float[] x) {
    if (x.length != h.dimension()) {
      throw new IllegalArgumentException("head " + h.id() + " takes " + h.dimension()
          + " components, got " + x.length);
    }
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
