package dev.tunebeam.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.data.ValidationSplit;
import java.io.IOException;

/**
 * What a worker started ahead of its first group does while the pipeline still plans: loads the
 * engine's native library and parses the dataset files the built-in trainer reads by default (whole
 * training file, whole test file), which the data's own cache then hands to the jobs. It trains
 * nothing and writes nothing, so what a job learns is the same as in a cold worker; a failure here
 * only means the first job pays the start-up itself, and reports any real problem. Data in Cloud
 * Storage is not read ahead: its files carry no cheap version, so jobs read them anyway.
 */
final class WorkerWarmUp {
  private WorkerWarmUp() {}

  /** {@code dataDir} null or blank: the trainer's standard search; {@code threads} 0: default. */
  static void run(String dataDir, int threads) throws IOException {
    Engine engine = Engine.getEngine("PyTorch");
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
    try (NDManager manager = engine.newBaseManager()) {
      manager.ones(new Shape(2, 2)).matMul(manager.ones(new Shape(2, 2))).toFloatArray();
    }
    if (dataDir != null && dataDir.startsWith("gs://")) {
      return;
    }
    DataLocator local =
        DataLocator.standard(
            () -> {
              throw new IllegalStateException("a warm-up reads no Cloud Storage");
            });
    FashionMnistLoader.load(
        local.locate(dataDir), 0, ValidationSplit.DEFAULT_SAMPLES, ValidationSplit.DEFAULT_SEED, 0);
  }
}
