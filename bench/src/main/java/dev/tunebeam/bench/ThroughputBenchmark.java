package dev.tunebeam.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.train.DeviceData;
import dev.tunebeam.trainer.train.FusedTrainer;
import dev.tunebeam.trainer.train.ProgressListener;
import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.trainer.train.TrainingOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput, printed as figures (not asserted anywhere). Run on an idle machine:
 *
 * <pre>
 * java -cp trainer/target/tunebeam-trainer.jar dev.tunebeam.bench.ThroughputBenchmark single
 * java -cp trainer/target/tunebeam-trainer.jar dev.tunebeam.bench.ThroughputBenchmark fusion
 * </pre>
 *
 * {@code single}: one model (relu, adam, batch 64) for one epoch of all 60,000 training images.
 * {@code fusion}: one model alone, fused groups of K = 3 and 9 in one process, and two worker
 * processes (one per core, one compute thread each, fused groups of 5 and 4; the local planner now
 * makes groups of at most 3); their ratios to one model alone; and the projected wall time of the
 * reference study (27 trials x 10 epochs x 60,000 images).
 */
public final class ThroughputBenchmark {
  private static final int STUDY_MODEL_IMAGES = 27 * 10 * 60_000;

  private ThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    String mode = args.length > 0 ? args[0] : "fusion";
    switch (mode) {
      case "single" -> single();
      case "fusion" -> fusion();
      case "worker" ->
          worker(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> {
        System.err.println("usage: ThroughputBenchmark single|fusion");
        System.exit(2);
      }
    }
  }

  private static void single() throws IOException {
    Measurement m = measure(1, 0, 60_000, 10_000);
    System.out.printf(
        Locale.ROOT,
        "single model (relu, adam, batch 64), 1 epoch of 60000 images, %d compute threads: %.0f images/s (train %.1f s, test %.1f s)%n",
        m.threads,
        m.trainImagesPerSecond(),
        m.trainSeconds,
        m.seconds - m.trainSeconds);
  }

  private static void fusion() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    int samples = 12_000;
    System.out.printf(
        "machine: %d cores; measuring on %d training images, batch 64, 1 epoch each%n",
        cores, samples);
    Measurement alone = measure(1, 0, samples, 2_000);
    print("1 model alone, " + alone.threads + " threads", alone, alone);
    Measurement k3 = measure(3, 0, samples, 2_000);
    print("K=3 fused, " + k3.threads + " threads", k3, alone);
    Measurement k9 = measure(9, 0, samples, 2_000);
    print("K=9 fused, " + k9.threads + " threads", k9, alone);

    // One worker process per core, 1 compute thread each, fused groups of 5 and 4.
    int[] widths = new int[cores];
    for (int i = 0; i < cores; i++) {
      widths[i] = i % 2 == 0 ? 5 : 4;
    }
    List<Process> workers = new ArrayList<>();
    for (int w : widths) {
      workers.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ThroughputBenchmark.class.getName(),
                  "worker",
                  String.valueOf(w),
                  "1",
                  String.valueOf(60_000))
              .redirectErrorStream(true)
              .start());
    }
    double aggregate = 0;
    double evalShare = 0;
    for (Process p : workers) {
      String last = null;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("RESULT ")) {
            last = line;
          }
        }
      }
      p.waitFor();
      String[] f = last.split(" ");
      aggregate += Double.parseDouble(f[1]);
      evalShare = Math.max(evalShare, Double.parseDouble(f[2]));
    }
    System.out.printf(
        Locale.ROOT,
        "%d worker processes x 1 thread, K=%s on 60000 images: %.0f model-images/s aggregate (%.2fx one model alone)%n",
        cores,
        java.util.Arrays.toString(widths),
        aggregate,
        aggregate / alone.modelImagesPerSecond());
    double trainMinutes = STUDY_MODEL_IMAGES / aggregate / 60;
    System.out.printf(
        Locale.ROOT,
        "projected reference study (27 trials x 10 epochs x 60000 images): %.1f min training + %.0f%% test evaluation = %.1f min"
            + " (one model at a time: %.1f min)%n",
        trainMinutes,
        evalShare * 100,
        trainMinutes * (1 + evalShare),
        STUDY_MODEL_IMAGES / alone.modelImagesPerSecond() / 60 * (1 + evalShare));
  }

  private static void worker(int width, int threads, int samples) throws IOException {
    Measurement m = measure(width, threads, samples, 10_000);
    System.out.printf(
        Locale.ROOT,
        "RESULT %.1f %.4f%n",
        m.modelImagesPerSecond(),
        (m.seconds - m.trainSeconds) / m.trainSeconds);
  }

  private static void print(String what, Measurement m, Measurement alone) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %8.0f model-images/s  (%.2fx one model alone)%n",
        what,
        m.modelImagesPerSecond(),
        m.modelImagesPerSecond() / alone.modelImagesPerSecond());
  }

  private record Measurement(
      int models, int threads, int images, double seconds, double trainSeconds) {
    double trainImagesPerSecond() {
      return images / trainSeconds;
    }

    double modelImagesPerSecond() {
      return (double) models * images / trainSeconds;
    }
  }

  /**
   * Trains {@code models} fused (mixed activations and optimizers, like the reference grid) for one
   * epoch.
   */
  private static Measurement measure(int models, int threads, int trainSamples, int testSamples)
      throws IOException {
    Engine engine = Engine.getEngine("PyTorch");
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
    FashionMnistData data =
        FashionMnistLoader.load(
            DataLocator.standard(() -> null).locate(null), trainSamples, testSamples);
    Activation[] activations = {Activation.RELU, Activation.SOFTMAX, Activation.LEAKYRELU};
    OptimizerKind[] optimizers = {OptimizerKind.ADAM, OptimizerKind.SGD, OptimizerKind.RMSPROP};
    List<TrainingConfig> configs = new ArrayList<>();
    for (int i = 0; i < models; i++) {
      configs.add(
          TrainingConfig.builder()
              .activation(models == 1 ? Activation.RELU : activations[i % 3])
              .optimizer(models == 1 ? OptimizerKind.ADAM : optimizers[(i / 3) % 3])
              .batchSize(64)
              .epochs(1)
              .trainSamples(trainSamples)
              .testSamples(testSamples)
              .build());
    }
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine.getEngineName());
        DeviceData train = DeviceData.of(data.train(), manager);
        DeviceData test = DeviceData.of(data.test(), manager)) {
      TrainingOutcome o =
          new FusedTrainer(manager, train, test, ProgressListener.NONE).train(configs).get(0);
      EpochRecord e = o.history().get(0);
      return new Measurement(
          models, JniUtils.getNumThreads(), trainSamples, e.seconds(), e.trainSeconds());
    }
  }
}
