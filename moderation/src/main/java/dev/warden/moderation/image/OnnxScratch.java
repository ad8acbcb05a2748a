package dev.warden.moderation.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Direct input and output buffers for one {@link OnnxHead} call, and the tensors over them. ONNX
 * Runtime reads a tensor made from a direct buffer in place, so a call copies its rows into the
 * input buffer and runs; the tensors are remade only when the batch size changes. Used by one call
 * at a time (the head lends it from a pool).
 */
final class OnnxScratch implements AutoCloseable {

  private final int dimension;
  private final long[] outShapeTail;
  private final int capacity;
  private final FloatBuffer in;
  private final FloatBuffer out;
  private int rows = -1;
  private OnnxTensor inTensor;
  private OnnxTensor outTensor;

  /**
   * @param outShapeTail the output's shape after the batch dimension, one score per row ({@code []}
   *     for {@code [N]}, {@code [1]} for {@code [N, 1]}), or null when the output is not written in
   *     place
   */
  OnnxScratch(int dimension, long[] outShapeTail, int capacity) {
    this.dimension = dimension;
    this.outShapeTail = outShapeTail;
    this.capacity = capacity;
    this.in = direct((long) capacity * dimension);
    this.out = outShapeTail == null ? null : direct(capacity);
  }

  private static FloatBuffer direct(long floats) {
    if (floats * Float.BYTES > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("batch too large for one ONNX call: " + floats + " floats");
    }
    return ByteBuffer.allocateDirect((int) (floats * Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  int capacity() {
    return capacity;
  }

  boolean pinsOutput() {
    return out != null;
  }

  /** Copies {@code batch} into the input buffer and returns the input tensor over it. */
  OnnxTensor input(OrtEnvironment env, float[][] batch) throws OrtException {
    int n = batch.length;
    if (n != rows) {
      reshape(env, n);
    }
    for (int i = 0; i < n; i++) {
      in.put(i * dimension, batch[i]);
    }
    return inTensor;
  }

  /** The tensor the output is written into, or null when the output is not pinned. */
  OnnxTensor output() {
    return outTensor;
  }

  /** The scores of the last call's {@code n} rows. */
  float[] scores(int n) {
    float[] s = new float[n];
    out.get(0, s);
    return s;
  }

  private void reshape(OrtEnvironment env, int n) throws OrtException {
    closeTensors();
    inTensor = OnnxTensor.createTensor(env, in.duplicate().position(0).limit(n * dimension).slice(),
        new long[] {n, dimension});
    if (out != null) {
      long[] shape = new long[outShapeTail.length + 1];
      shape[0] = n;
      System.arraycopy(outShapeTail, 0, shape, 1, outShapeTail.length);
      outTensor = OnnxTensor.createTensor(env, out.duplicate().position(0).limit(n).slice(), shape);
    }
    rows = n;
  }

  private void closeTensors() {
    if (inTensor != null) {
      inTensor.close();
      inTensor = null;
    }
    if (outTensor != null) {
      outTensor.close();
      outTensor = null;
    }
    rows = -1;
  }

  @Override
  public void close() {
    closeTensors();
  }
}
