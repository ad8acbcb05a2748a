package dev.warden.moderation.semantic;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.internal.OnnxNative;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sentence-transformer encoder on ONNX Runtime: WordPiece ids in, the model's {@code
 * last_hidden_state} out, mean-pooled over the attention mask and L2-normalised. Thread-safe: one
 * session, created once, serves every caller.
 *
 * <p>The default is the quantised all-MiniLM-L6-v2 from its model jar on the class path; a host
 * may give another BERT-style encoder by path (an ONNX model with int64 inputs {@code input_ids},
 * {@code attention_mask} and optionally {@code token_type_ids}, an output {@code [batch, seq,
 * dim]}, and its WordPiece {@code tokenizer.json}).
 *
 * {@snippet :
 * try (SentenceEncoder encoder = SentenceEncoder.builder().build()) {
 *   float[][] e = encoder.embed(List.of("The weather is lovely today.", "It's so sunny outside!"));
 *   double cosine = SentenceEncoder.dot(e[0], e[1]);   // about 0.67
 * }
 * }
 */
public final class SentenceEncoder implements TextEncoder {

  /** The default token limit: all-MiniLM-L6-v2 was trained on at most 256 word pieces. */
  public static final int DEFAULT_MAX_TOKENS = 256;

  private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoder.class);

  private final String id;
  private final WordPieceTokenizer tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String idsInput;
  private final String maskInput;
  private final String typeInput;
  private final String output;
  private final int dimension;
  private final int maxTokens;

  private SentenceEncoder(String id, WordPieceTokenizer tokenizer, OrtEnvironment env,
      OrtSession session, String idsInput, String maskInput, String typeInput, String output,
      int dimension, int maxTokens) {
    this.id = id;
    this.tokenizer = tokenizer;
    this.env = env;
    this.session = session;
    this.idsInput = idsInput;
    this.maskInput = maskInput;
    this.typeInput = typeInput;
    this.output = output;
    this.dimension = dimension;
    this.maxTokens = maxTokens;
  }

  /** A builder for the quantised all-MiniLM-L6-v2, with {@link #DEFAULT_MAX_TOKENS}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** The most word pieces (with {@code [CLS]} and {@code [SEP]}) a text is cut to. */
  public int maxTokens() {
    return maxTokens;
  }

  /** The tokenizer. */
  public WordPieceTokenizer tokenizer() {
    return tokenizer;
  }

  /** Embeds one text. */
  public float[] embed(String text) {
    return embed(List.of(text))[0];
  }

  @Override
  public float[][] embed(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    int n = texts.size();
    if (n == 0) {
      return new float[0][];
    }
    int[][] ids = new int[n][];
    int len = 0;
    for (int i = 0; i < n; i++) {
      ids[i] = tokenizer.encode(Objects.requireNonNull(texts.get(i), "text " + i), maxTokens).idsUnsafe();
      len = Math.max(len, ids[i].length);
    }
    return run(ids, len);
  }

  /**
   * The BERT-normalised text with white space collapsed: it tokenises, and so embeds, exactly as
   * the original.
   */
  @Override
  public String cacheKey(String text) {
    return tokenizer.cacheKey(text);
  }

  private float[][] run(int[][] ids, int len) {
    int n = ids.length;
    long[] idBuf = new long[n * len];
    long[] maskBuf = new long[n * len];
    int pad = tokenizer.padId();
    for (int i = 0; i < n; i++) {
      int base = i * len;
      for (int j = 0; j < len; j++) {
        boolean real = j < ids[i].length;
        idBuf[base + j] = real ? ids[i][j] : pad;
        maskBuf[base + j] = real ? 1 : 0;
      }
    }
    long[] shape = {n, len};
    Map<String, OnnxTensor> inputs = new HashMap<>(4);
    try {
      inputs.put(idsInput, OnnxTensor.createTensor(env, LongBuffer.wrap(idBuf), shape));
      inputs.put(maskInput, OnnxTensor.createTensor(env, LongBuffer.wrap(maskBuf), shape));
      if (typeInput != null) {
        inputs.put(typeInput, OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * len]), shape));
      }
      try (OrtSession.Result r = session.run(inputs, Set.of(output))) {
        FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
        if (hidden.remaining() != (long) n * len * dimension) {
          throw new ModerationException("encoder " + id + " returned " + hidden.remaining()
              + " values for a batch of " + n + " x " + len + " tokens x " + dimension);
        }
        return pool(hidden, ids, len);
      }
    } catch (OrtException e) {
      throw new ModerationException("encoder " + id + " failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** Mean over the real tokens (the attention mask), then L2 normalisation. */
  private float[][] pool(FloatBuffer hidden, int[][] ids, int len) {
    int n = ids.length;
    float[][] out = new float[n][dimension];
    float[] row = new float[dimension];
    for (int i = 0; i < n; i++) {
      double[] sum = new double[dimension];
      int tokens = ids[i].length;
      for (int j = 0; j < tokens; j++) {
        hidden.position((i * len + j) * dimension);
        hidden.get(row);
        for (int k = 0; k < dimension; k++) {
          sum[k] += row[k];
        }
      }
      double norm = 0;
      for (int k = 0; k < dimension; k++) {
        sum[k] /= tokens;
        norm += sum[k] * sum[k];
      }
      double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (int k = 0; k < dimension; k++) {
        out[i][k] = (float) (sum[k] * scale);
      }
    }
    return out;
  }

  /** The dot product of two vectors of equal length (the cosine of two unit vectors). */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new ModerationException("cannot close encoder " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "SentenceEncoder[" + id + ", " + dimension + " dimensions, at most " + maxTokens + " tokens]";
  }

  /** Configures a {@link SentenceEncoder}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private BuiltInEncoder builtIn = BuiltInEncoder.MINILM_L6_V2_QUANTIZED;
    private Path modelFile;
    private Path tokenizerFile;
    private int maxTokens = DEFAULT_MAX_TOKENS;
    private int intraOpThreads = 1;

    private Builder() {}

    /** One of the encoders in model jars on the class path (default: the quantised MiniLM). */
    public Builder model(BuiltInEncoder model) {
      this.builtIn = Objects.requireNonNull(model, "model");
      this.modelFile = null;
      this.tokenizerFile = null;
      return this;
    }

    /** An encoder from files: an ONNX model and its WordPiece {@code tokenizer.json}. */
    public Builder model(Path onnxModel, Path tokenizerJson) {
      this.modelFile = Objects.requireNonNull(onnxModel, "onnxModel");
      this.tokenizerFile = Objects.requireNonNull(tokenizerJson, "tokenizerJson");
      return this;
    }

    /** The most word pieces per text, {@code [CLS]} and {@code [SEP]} included; 2 to 512 (default 256). */
    public Builder maxTokens(int max) {
      if (max < 2 || max > 512) {
        throw new IllegalArgumentException("maxTokens must be in [2, 512], got " + max);
      }
      this.maxTokens = max;
      return this;
    }

    /**
     * Threads ONNX Runtime may use for one call; 0 is ONNX Runtime's choice (all cores). Default 1:
     * on a busy machine ONNX Runtime's spinning thread pool costs more than it gains, and the
     * semantic stage runs one batch per core instead.
     */
    public Builder intraOpThreads(int threads) {
      if (threads < 0 || threads > 1024) {
        throw new IllegalArgumentException("intraOpThreads must be in [0, 1024], got " + threads);
      }
      this.intraOpThreads = threads;
      return this;
    }

    /**
     * Loads the tokenizer and the model and creates the session.
     *
     * @throws ModerationException naming the model when it cannot be found, read or used
     */
    public SentenceEncoder build() {
      String id;
      WordPieceTokenizer tokenizer;
      Path model;
      Path extracted = null;
      if (modelFile != null) {
        id = modelFile.getFileName().toString().replaceFirst("\\.onnx$", "");
        tokenizer = WordPieceTokenizer.load(tokenizerFile);
        if (!Files.isReadable(modelFile)) {
          throw new ModerationException("cannot read ONNX model " + modelFile);
        }
        model = modelFile;
      } else {
        id = builtIn.id();
        ClassLoader cl = SentenceEncoder.class.getClassLoader();
        try (InputStream t = resource(cl, builtIn.tokenizerResource(), builtIn);
            InputStream m = resource(cl, builtIn.modelResource(), builtIn)) {
          tokenizer = WordPieceTokenizer.read(t, builtIn.tokenizerResource());
          // Through a temporary file rather than a byte array: the 23 MB never sit on the heap.
          extracted = Files.createTempFile("warden-" + id, ".onnx");
          Files.copy(m, extracted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          model = extracted;
        } catch (IOException e) {
          deleteQuietly(extracted);
          throw new ModerationException("cannot read encoder " + id + ": " + e.getMessage(), e);
        }
      }
      OnnxNative.ensureLoaded();
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession session = null;
      try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
        opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        opts.setInterOpNumThreads(1);
        if (intraOpThreads > 0) {
          opts.setIntraOpNumThreads(intraOpThreads);
        }
        if (intraOpThreads != 1) {
          // Idle pool threads sleep instead of spinning: the cores are shared with the host.
          opts.addConfigEntry("session.intra_op.allow_spinning", "0");
        }
        session = env.createSession(model.toString(), opts);
        Map<String, NodeInfo> in = session.getInputInfo();
        String ids = require(in, "input_ids", id);
        String mask = require(in, "attention_mask", id);
        String types = in.containsKey("token_type_ids") ? "token_type_ids" : null;
        if (in.size() != (types == null ? 2 : 3)) {
          throw new ModerationException("encoder " + id + " has inputs " + in.keySet()
              + "; expected input_ids, attention_mask and optionally token_type_ids");
        }
        String out = output(session.getOutputInfo(), id);
        int dim = (int) ((TensorInfo) session.getOutputInfo().get(out).getInfo()).getShape()[2];
        if (dim <= 0) {
          throw new ModerationException("encoder " + id + " output '" + out + "' does not declare its dimension");
        }
        LOG.debug("sentence encoder {} loaded: {} dimensions, vocabulary {}, inputs {}", id, dim,
            tokenizer.vocabularySize(), in.keySet());
        return new SentenceEncoder(id, tokenizer, env, session, ids, mask, types, out, dim, maxTokens);
      } catch (OrtException e) {
        closeQuietly(session);
        throw new ModerationException("cannot load encoder " + id + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(session);
        throw e;
      } finally {
        deleteQuietly(extracted);
      }
    }

    private static void deleteQuietly(Path p) {
      if (p != null) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          p.toFile().deleteOnExit();
        }
      }
    }

    private static InputStream resource(ClassLoader cl, String name, BuiltInEncoder model) {
      InputStream in = cl.getResourceAsStream(name);
      if (in == null) {
        throw new ModerationException("resource " + name + " is not on the class path: add the model jar"
            + " dev.langchain4j:" + model.artifact());
      }
      return in;
    }

    private static String require(Map<String, NodeInfo> inputs, String name, String id) {
      if (!inputs.containsKey(name)) {
        throw new ModerationException("encoder " + id + " has no input '" + name + "' (it has " + inputs.keySet() + ")");
      }
      return name;
    }

    private static String output(Map<String, NodeInfo> outputs, String id) {
      if (outputs.containsKey("last_hidden_state")) {
        return "last_hidden_state";
      }
      for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
        if (e.getValue().getInfo() instanceof TensorInfo t && t.getShape().length == 3) {
          return e.getKey();
        }
      }
      throw new ModerationException("encoder " + id + " has no output of shape [batch, seq, dim] (it has "
          + outputs.keySet() + ")");
    }

    private static void closeQuietly(OrtSession s) {
      if (s != null) {
        try {
          s.close();
        } catch (OrtException ignored) {
          // Already failing.
        }
      }
    }
  }
}
