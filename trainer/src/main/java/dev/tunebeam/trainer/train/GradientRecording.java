package dev.tunebeam.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Autograd on the calling thread only. DJL's {@code PtGradientCollector} keeps a process-wide flag,
 * so two trainings on two threads of one JVM fail with it; PyTorch's grad mode is thread-local, so
 * switching it here lets each trainer thread record on its own.
 */
final class GradientRecording {
  private GradientRecording() {}

  static void on() {
    JniUtils.setGradMode(true);
  }

  /** Threads start with recording on, which breaks in-place optimizer updates: call this first. */
  static void off() {
    JniUtils.setGradMode(false);
  }

  static void backward(NDArray scalarLoss) {
    JniUtils.backward((PtNDArray) scalarLoss, (PtNDArray) scalarLoss.onesLike(), false, false);
  }

  static void zeroGradient(NDArray parameters) {
    JniUtils.zeroGrad((PtNDArray) parameters);
  }
}
