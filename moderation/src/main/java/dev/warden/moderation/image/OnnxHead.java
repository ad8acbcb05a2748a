package dev.warden.moderation.image;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.warden.moderation.ModerationException;
import dev.warden.moderation.internal.OnnxNative;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ClassifierHead} that runs an ONNX model over embeddings with ONNX Runtime, such as
 * LAION's CLIP-based NSFW detector (an MLP over an L2-normalised CLIP embedding). Thread-safe:
 * concurrent calls share one session.
 *
 * <p>The model takes a float tensor {@code [N, dimension]} and gives a float tensor {@code [N]} or
 * {@code [N, 1]}. Input and output names are discovered when the model has one of each, or set
 * with the builder. The dimension is checked when the model loads, against the model's declared
 * shape and the space the head is built for. The native library is extracted once per process and
 * the extracted files are deleted right after loading.
 *
 * <p>A call copies its rows into direct buffers that ONNX Runtime reads in place, and, when the
 * output's shape is fixed apart from the batch, has the scores written straight into another; the
 * buffers and the tensors over them are kept in a small pool and reused, so a call allocates only
 * its result. Close the head after the last call.
 *
 * {@snippet :
 * try (OnnxHead head = OnnxHead.builder(Path.of("laion_nsfw_head_vit_l14_768.onnx"))
 *     .space(EmbeddingSpace.CLIP_VIT_L_14)
 *     .build()) {
 *   float[] scores = head.score(batch);
 * }
 * }
 */
public final class OnnxHead implements ClassifierHead {

  /** Scratch buffers kept for reuse: enough for the threads that call at once on most hosts. */
  private static final int MAX_POOLED = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  /** Larger batches get buffers of their own that are freed after the call. */
  private static final int MAX_POOLED_ROWS = 8192;

  private final String id;
  private final int dimension;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String input;
  private final String output;
  private final Set<String> outputs;
  /** The output's shape after the batch dimension when it is one score per row, else null. */
  private final long[] outShapeTail;
  private final ConcurrentLinkedDeque<OnnxScratch> pool = new ConcurrentLinkedDeque<>();
  private final AtomicInteger pooled = new AtomicInteger();
  private volatile boolean closed;

  private OnnxHead(String id, int dimension, OrtEnvironment env, OrtSession session, String input,
      String output, long[] outShapeTail) {
    this.id = id;
    this.dimension = dimension;
    this.env = env;
    this.session = session;
    this.input = input;
    this.output = output;
    this.outputs = Set.of(output);
    this.outShapeTail = outShapeTail;
  }

  /** Returns a builder for the model at {@code model}. */
  public static Builder builder(Path model) {
    return new Builder(model);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** The model's input name. */
  public String inputName() {
    return input;
  }

  /** The model's output name. */
  public String outputName() {
    return output;
  }

  /** Scores one embedding. */
  public float score(ImageEmbedding e) {
    return score(new float[][] {e.unit()})[0];
  }

  @Override
  public float[] score(float[][] batch) {
    Objects.requireNonNull(batch, "batch");
    int n = batch.length;
    if (n == 0) {
      return new float[0];
    }
    for (int i = 0; i < n; i++) {
      if (batch[i].length != dimension) {
        throw new IllegalArgumentException("head " + id + " takes " + dimension
            + " dimensions, but row " + i + " has " + batch[i].length);
      }
    }
    OnnxScratch scratch = borrow(n);
    try {
      OnnxTensor in = scratch.input(env, batch);
      if (scratch.pinsOutput()) {
        try (OrtSession.Result r = session.run(Map.of(input, in), Map.of(output, scratch.output()))) {
          return scratch.scores(n);
        }
      }
      try (OrtSession.Result r = session.run(Map.of(input, in), outputs)) {
        FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
        if (fb.remaining() != n) {
          throw new ModerationException("head " + id + " returned " + fb.remaining() + " values for a batch of " + n);
        }
        float[] out = new float[n];
        fb.get(out);
        return out;
      }
    } catch (OrtException e) {
      throw new ModerationException("head " + id + " failed: " + e.getMessage(), e);
    } finally {
      giveBack(scratch);
    }
  }

  private OnnxScratch borrow(int rows) {
    OnnxScratch s = pool.pollFirst();
    if (s != null) {
      pooled.decrementAndGet();
      if (s.capacity() >= rows) {
        return s;
      }
      s.close();
    }
    return new OnnxScratch(dimension, outShapeTail, Math.max(rows, Integer.highestOneBit(rows - 1) << 1));
  }

  private void giveBack(OnnxScratch s) {
    if (!closed && s.capacity() <= MAX_POOLED_ROWS) {
      if (pooled.incrementAndGet() <= MAX_POOLED) {
        pool.offerFirst(s);
        return;
      }
      pooled.decrementAndGet();
    }
    s.close();
  }

  @Override
  public void close() {
    closed = true;
    for (OnnxScratch s = pool.pollFirst(); s != null; s = pool.pollFirst()) {
      s.close();
    }
    try {
      session.close();
    } catch (OrtException e) {
      throw new ModerationException("cannot close head " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "OnnxHead[" + id + ", " + input + "[N," + dimension + "] -> " + output + "]";
  }

  /** Configures an {@link OnnxHead}; each setter checks its argument. */
  public static final class Builder {
    private final Path model;
    private String id;
    private EmbeddingSpace space;
    private String input;
    private String output;
    private int threads = 1;

    private Builder(Path model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** The head's name in decisions; default the model's file name without {@code .onnx}. */
    public Builder id(String id) {
      Concept.checkId(id, "head id");
      this.id = id;
      return this;
    }

    /** The space the head scores; its dimension must match the model's. */
    public Builder space(EmbeddingSpace space) {
      this.space = Objects.requireNonNull(space, "space");
      return this;
    }

    /** The model's input name, when it has several inputs. */
    public Builder inputName(String name) {
      this.input = Objects.requireNonNull(name, "inputName");
      return this;
    }

    /** The model's output name, when it has several outputs. */
    public Builder outputName(String name) {
      this.output = Objects.requireNonNull(name, "outputName");
      return this;
    }

    /**
     * Threads ONNX Runtime may use for one call; default 1; 0 lets ONNX Runtime choose (one per
     * core, spinning while idle). One thread per call is the default because a host already runs
     * calls in parallel on its request threads, and on a machine shared with other work extra
     * intra-op threads cost more than they give (measured: {@code OnnxHeadBenchmark}).
     */
    public Builder intraOpThreads(int threads) {
      if (threads < 0 || threads > 1024) {
        throw new IllegalArgumentException("intra-op threads must be 0 to 1024, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Loads the model.
     *
     * @throws ModerationException naming the model when it cannot be read, has no such input or
     *     output, or its dimension does not match the space
     */
    public OnnxHead build() {
      if (!Files.isReadable(model)) {
        throw new ModerationException("cannot read ONNX model " + model);
      }
      OnnxNative.ensureLoaded();
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession session = null;
      try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
        if (threads > 0) {
          opts.setIntraOpNumThreads(threads);
        }
        opts.setInterOpNumThreads(1);
        session = env.createSession(model.toString(), opts);
        String in = pick(session.getInputInfo(), input, "input");
        String out = pick(session.getOutputInfo(), output, "output");
        int dim = dimension(session.getInputInfo().get(in), in);
        String name = id != null ? id : model.getFileName().toString().replaceFirst("\\.onnx$", "");
        return new OnnxHead(name, dim, env, session, in, out, fixedOutputTail(session.getOutputInfo().get(out)));
      } catch (OrtException e) {
        closeQuietly(session);
        throw new ModerationException("cannot load ONNX model " + model + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(session);
        throw e;
      }
    }

    private String pick(Map<String, NodeInfo> nodes, String wanted, String what) {
      if (wanted != null) {
        if (!nodes.containsKey(wanted)) {
          throw new ModerationException("ONNX model " + model + " has no " + what + " '" + wanted
              + "' (it has " + nodes.keySet() + ")");
        }
        return wanted;
      }
      if (nodes.size() != 1) {
        throw new ModerationException("ONNX model " + model + " has " + nodes.size() + " " + what
            + "s " + nodes.keySet() + ": name the one to use");
      }
      return nodes.keySet().iterator().next();
    }

    private int dimension(NodeInfo node, String name) {
      if (!(node.getInfo() instanceof TensorInfo t) || t.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
        throw new ModerationException("ONNX model " + model + " input '" + name
            + "' must be a float tensor, got " + node.getInfo());
      }
      long[] shape = t.getShape();
      if (shape.length != 2) {
        throw new ModerationException("ONNX model " + model + " input '" + name
            + "' must have shape [N, dimension], got " + Arrays.toString(shape));
      }
      long d = shape[1];
      if (d <= 0 && space == null) {
        throw new ModerationException("ONNX model " + model + " input '" + name
            + "' does not declare its dimension: give the head's space");
      }
      if (space != null && d > 0 && d != space.dimension()) {
        throw new ModerationException("ONNX model " + model + " input '" + name + "' takes " + d
            + " dimensions, but space " + space.name() + " has " + space.dimension());
      }
      return d > 0 ? (int) d : space.dimension();
    }

    /**
     * The output's shape after the batch dimension when it declares one score per row ({@code [N]}
     * or {@code [N, 1]}), so scores can be written straight into a reused buffer; null otherwise
     * (the scores are then copied out of ONNX Runtime's result and counted).
     */
    private static long[] fixedOutputTail(NodeInfo node) {
      if (!(node.getInfo() instanceof TensorInfo t) || t.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
        return null;
      }
      long[] shape = t.getShape();
      if (shape.length < 1 || shape.length > 2) {
        return null;
      }
      long[] tail = Arrays.copyOfRange(shape, 1, shape.length);
      for (long d : tail) {
        if (d != 1) {
          return null;
        }
      }
      return tail;
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
