package dev.warden.benchmarks.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.warden.moderation.image.OnnxHead;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * LAION's ViT-L/14 NSFW head (ONNX) at batch 1 and 1,024: Warden's {@link OnnxHead} against the
 * peer, a bare ONNX Runtime session fed a new tensor from a heap buffer each call, both with the
 * same number of intra-op threads (1, Warden's default, or 0, ONNX Runtime's choice: one per core).
 * Embeddings per second = batch x ops/s. Reads the model from {@code shared/data/image}, found by
 * walking up from the working directory ({@code -Dwarden.shared.data=...} otherwise).
 *
 * <p>Run: {@code java -Dwarden.shared.data=../shared/data -jar benchmarks/target/benchmarks.jar OnnxHeadBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class OnnxHeadBenchmark {

  @Param({"1", "1024"})
  int batch;

  @Param({"1", "0"})
  int intraOpThreads;

  OnnxHead head;
  float[][] rows;
  OrtEnvironment env;
  OrtSession session;
  FloatBuffer flat;

  @Setup(Level.Trial)
  public void setup() throws OrtException {
    var model = BenchData.sharedData("image/laion_nsfw_head_vit_l14_768.onnx");
    head = OnnxHead.builder(model).space(BenchData.SPACE).intraOpThreads(intraOpThreads).build();
    Random r = new Random(1024);
    rows = new float[batch][];
    flat = FloatBuffer.allocate(batch * 768);
    for (int i = 0; i < batch; i++) {
      rows[i] = BenchData.SPACE.embed(BenchData.gaussian(r, 768)).values();
      flat.put(rows[i]);
    }
    flat.flip();
    env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (intraOpThreads > 0) {
        options.setIntraOpNumThreads(intraOpThreads);
      }
      session = env.createSession(model.toString(), options);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws OrtException {
    head.close();
    session.close();
  }

  @Benchmark
  public float[] warden() {
    return head.score(rows);
  }

  @Benchmark
  public float[] onnxRuntimeSession() throws OrtException {
    try (OnnxTensor t = OnnxTensor.createTensor(env, flat.duplicate(), new long[] {batch, 768});
        OrtSession.Result res = session.run(Map.of("embedding", t))) {
      float[] out = new float[batch];
      ((OnnxTensor) res.get(0)).getFloatBuffer().get(out);
      return out;
    }
  }
}
