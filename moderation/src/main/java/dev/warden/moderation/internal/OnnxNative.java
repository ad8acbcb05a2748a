package dev.warden.moderation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ONNX Runtime's native libraries once per process and leaves no files behind. Left to
 * itself, ONNX Runtime extracts them to a fresh temporary directory at every start and leaves the
 * directory there; Warden extracts them itself, points {@code onnxruntime.native.path} at the
 * copy for the duration of the load, and deletes the copy as soon as the libraries are mapped. A
 * host that sets {@code onnxruntime.native.path} itself keeps full control. Shared by the image
 * heads and the sentence encoder.
 */
public final class OnnxNative {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxNative.class);
  public static final String NATIVE_PATH = "onnxruntime.native.path";

  /** The directory Warden extracted to, or null when the host chose the path; for tests. */
  public static volatile Path extractedTo;

  private OnnxNative() {}

  /** Loads the native libraries; later calls do nothing. */
  public static void ensureLoaded() {
    Holder.init();
  }

  private static final class Holder {
    static {
      load();
    }

    static void init() {}
  }

  private static void load() {
    if (System.getProperty(NATIVE_PATH) != null) {
      ai.onnxruntime.OrtEnvironment.getEnvironment();
      return;
    }
    String platform = platform();
    List<String> libs = platform.startsWith("win")
        ? List.of("onnxruntime_providers_shared.dll", "onnxruntime.dll", "onnxruntime4j_jni.dll")
        : platform.startsWith("osx")
            ? List.of("libonnxruntime.dylib", "libonnxruntime4j_jni.dylib")
            : List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
    Path dir = null;
    List<Path> files = new ArrayList<>();
    try {
      dir = Files.createTempDirectory("warden-onnxruntime");
      ClassLoader cl = ai.onnxruntime.OrtEnvironment.class.getClassLoader();
      for (String lib : libs) {
        try (InputStream in = cl.getResourceAsStream("ai/onnxruntime/native/" + platform + "/" + lib)) {
          if (in == null) {
            continue;
          }
          Path f = dir.resolve(lib);
          Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
          files.add(f);
        }
      }
      if (files.isEmpty()) {
        // Not a platform the jar ships for: let ONNX Runtime report it in its own words.
        ai.onnxruntime.OrtEnvironment.getEnvironment();
        return;
      }
      System.setProperty(NATIVE_PATH, dir.toString());
      try {
        ai.onnxruntime.OrtEnvironment.getEnvironment();
      } finally {
        System.clearProperty(NATIVE_PATH);
      }
      LOG.debug("ONNX Runtime loaded from {}", dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract ONNX Runtime's native libraries: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        extractedTo = dir;
        for (Path f : files) {
          delete(f);
        }
        delete(dir);
      }
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Windows keeps loaded libraries locked: remove them when the JVM exits instead.
      p.toFile().deleteOnExit();
    }
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
    String o = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
    return o + "-" + a;
  }
}
