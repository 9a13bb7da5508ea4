package dev.tunebeam.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast fused groups train on this machine, from a few timed training steps: one model alone and
 * three fused (same activation, as the planner fuses) with the compute threads a local worker gets,
 * printed twice as {@code FUSION_PROBE <alone> <fused>} in model-images per second. {@code
 * --fuse=auto} runs it once per machine.
 *
 * <pre>
 * java -cp tunebeam.jar dev.tunebeam.trainer.train.FusionProbe THREADS [DATA_DIR]
 * </pre>
 */
public final class FusionProbe {
  static final int STEPS = 40;
  static final int BATCH = 64;

  private FusionProbe() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    int threads = Integer.parseInt(args[0]);
    Engine.getEngine("PyTorch");
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
    int samples = STEPS * BATCH;
    FashionMnistData data =
        FashionMnistLoader.load(
            DataLocator.standard(() -> null).locate(args.length > 1 ? args[1] : null),
            samples,
            BATCH);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        DeviceData train = DeviceData.of(data.train(), manager);
        DeviceData test = DeviceData.of(data.test(), manager)) {
      FusedTrainer trainer = new FusedTrainer(manager, train, test, ProgressListener.NONE);
      // A first call pays its warm-up (allocator, kernels, the JIT).
      rate(trainer, 1, samples);
      // Twice, interleaved: the parent keeps the less favourable ratio, so a burst of load
      // elsewhere cannot buy fusion.
      for (int repetition = 0; repetition < 2; repetition++) {
        double alone = rate(trainer, 1, samples);
        double fused = rate(trainer, 3, samples);
        System.out.printf(Locale.ROOT, "FUSION_PROBE %.1f %.1f%n", alone, fused);
      }
    }
  }

  private static double rate(FusedTrainer trainer, int models, int samples) {
    List<TrainingConfig> configs = new ArrayList<>();
    for (int i = 0; i < models; i++) {
      configs.add(
          TrainingConfig.builder()
              .optimizer(OptimizerKind.ADAM)
              .learningRate(0.001f * (i + 1))
              .batchSize(BATCH)
              .epochs(1)
              .trainSamples(samples)
              .validationSamples(0)
              .testSamples(BATCH)
              .build());
    }
    double seconds = trainer.train(configs).get(0).history().get(0).trainSeconds();
    return models * samples / seconds;
  }
}
