package dev.tunebeam.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.data.ValidationSplit;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.model.Init;
import dev.tunebeam.trainer.model.Pooling;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.train.DeviceData;
import dev.tunebeam.trainer.train.FusedTrainer;
import dev.tunebeam.trainer.train.ProgressListener;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the same LeNet-5 configurations in tunebeam and in PyTorch (Debian's python3-torch) on the
 * same data, validation split, pooling, init and normalisation, and prints per configuration both
 * best validation accuracies, the test accuracies at those epochs and the differences. A benchmark
 * that prints figures, not a test:
 *
 * <pre>
 * java -cp CLASSPATH dev.tunebeam.bench.ParityBenchmark \
 *     --configs=relu:adam:64,leakyrelu:rmsprop:64,relu:sgd:32,softmax:adam:128 --epochs=10
 * </pre>
 *
 * Options (defaults): {@code --python=/usr/bin/python3 --data-dir=<standard search> --pooling=avg
 * --init=torch --normalize=none --seed=42 --validation-samples=5000 --train-samples=0
 * --test-samples=0 --threads=1}. The two sides run at the same time (each with {@code --threads}
 * compute threads); their accuracies are compared, not their speed.
 */
public final class ParityBenchmark {
  private ParityBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    Map<String, String> o =
        new LinkedHashMap<>(
            Map.of(
                "python",
                "/usr/bin/python3",
                "configs",
                "relu:adam:64",
                "epochs",
                "10",
                "pooling",
                "avg",
                "init",
                "torch",
                "normalize",
                "none",
                "seed",
                "42",
                "validation-samples",
                "5000",
                "threads",
                "1"));
    o.put("train-samples", "0");
    o.put("test-samples", "0");
    for (String a : args) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      if (kv.length != 2 || !o.containsKey(kv[0]) && !kv[0].equals("data-dir")) {
        throw new IllegalArgumentException(
            "unknown or valueless option "
                + a
                + "; options: --"
                + String.join("=, --", o.keySet())
                + "=, --data-dir=");
      }
      o.put(kv[0], kv[1]);
    }
    int threads = Integer.parseInt(o.get("threads"));
    Engine engine = Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(threads);
    Path dataDir =
        Path.of(
            o.getOrDefault("data-dir", DataLocator.standard(() -> null).locate(null).location()));
    int validation = Integer.parseInt(o.get("validation-samples"));
    long splitSeed = ValidationSplit.DEFAULT_SEED;
    FashionMnistData data =
        FashionMnistLoader.load(
            DataLocator.standard(() -> null).locate(dataDir.toString()),
            Integer.parseInt(o.get("train-samples")),
            validation,
            splitSeed,
            Integer.parseInt(o.get("test-samples")));
    Path indices = Files.createTempFile("tunebeam-parity-", ".json");
    Files.writeString(
        indices, Arrays.toString(ValidationSplit.heldIndices(60_000, validation, splitSeed)));
    Path script = Files.createTempFile("parity_reference", ".py");
    try (InputStream in = ParityBenchmark.class.getResourceAsStream("parity_reference.py")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                o.get("python"),
                script.toString(),
                "--data-dir",
                dataDir.toString(),
                "--validation-indices",
                indices.toString()));
    for (String k :
        List.of(
            "configs",
            "epochs",
            "seed",
            "train-samples",
            "test-samples",
            "pooling",
            "init",
            "normalize",
            "threads")) {
      command.addAll(List.of("--" + k, o.get(k)));
    }
    Process torch =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    System.out.printf(
        "data %s: %d train, %d validation (split seed %d, sha256 %s), %d test; %s pooling, %s init, %s inputs%n",
        dataDir,
        data.train().count(),
        data.validation().count(),
        splitSeed,
        data.validationSplit().indicesSha256().substring(0, 12),
        data.test().count(),
        o.get("pooling"),
        o.get("init"),
        o.get("normalize"));
    Map<String, List<EpochRecord>> ours = new LinkedHashMap<>();
    Normalize normalize = Normalize.parse("--normalize", o.get("normalize"));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine.getEngineName());
        DeviceData train = DeviceData.of(data.train(), manager, normalize);
        DeviceData val = DeviceData.of(data.validation(), manager, normalize);
        DeviceData test = DeviceData.of(data.test(), manager, normalize)) {
      for (String config : o.get("configs").split(",")) {
        String[] c = config.split(":");
        TrainingConfig tc =
            TrainingConfig.builder()
                .activation(Activation.parse("activation", c[0]))
                .optimizer(OptimizerKind.parse("optimizer", c[1]))
                .batchSize(Integer.parseInt(c[2]))
                .epochs(Integer.parseInt(o.get("epochs")))
                .pooling(Pooling.parse("--pooling", o.get("pooling")))
                .init(Init.parse("--init", o.get("init")))
                .normalize(normalize)
                .seed(Long.parseLong(o.get("seed")))
                .build();
        List<EpochRecord> history =
            new FusedTrainer(
                    manager,
                    train,
                    val,
                    test,
                    new ProgressListener() {
                      @Override
                      public void epochFinished(int member, TrainingConfig cfg, EpochRecord m) {
                        System.err.printf(
                            "tunebeam %s epoch %d val %.4f test %.4f (%.0f s)%n",
                            config,
                            m.epoch(),
                            m.metric(EpochRecord.VAL_ACCURACY),
                            m.metric(EpochRecord.TEST_ACCURACY),
                            m.seconds());
                      }
                    })
                .train(List.of(tc))
                .get(0)
                .history();
        ours.put(config, history);
      }
    }
    String out = new String(torch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (torch.waitFor() != 0) {
      throw new IllegalStateException("the PyTorch reference exited with " + torch.exitValue());
    }
    ObjectMapper json = new ObjectMapper();
    System.out.println();
    System.out.println(
        "| configuration | best val (tunebeam) | best val (PyTorch) | diff | test at best val (tunebeam) | test at best val (PyTorch) | diff |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = json.readTree(line);
      String config = r.get("config").asText();
      double[] theirs = best(r.get("history"));
      double[] mine = bestOf(ours.get(config));
      System.out.printf(
          "| %s | %.4f (epoch %d) | %.4f (epoch %d) | %+.2f pt | %.4f | %.4f | %+.2f pt |%n",
          config,
          mine[0],
          (int) mine[2],
          theirs[0],
          (int) theirs[2],
          100 * (mine[0] - theirs[0]),
          mine[1],
          theirs[1],
          100 * (mine[1] - theirs[1]));
    }
  }

  /** {best val accuracy, test accuracy at that epoch, epoch}; the earliest of equal epochs. */
  private static double[] best(JsonNode history) {
    double[] b = {-1, 0, 0};
    for (JsonNode e : history) {
      if (e.get("val_accuracy").asDouble() > b[0]) {
        b =
            new double[] {
              e.get("val_accuracy").asDouble(),
              e.get("test_accuracy").asDouble(),
              e.get("epoch").asInt()
            };
      }
    }
    return b;
  }

  private static double[] bestOf(List<EpochRecord> history) {
    double[] b = {-1, 0, 0};
    for (EpochRecord e : history) {
      if (e.metric(EpochRecord.VAL_ACCURACY) > b[0]) {
        b =
            new double[] {
              e.metric(EpochRecord.VAL_ACCURACY), e.metric(EpochRecord.TEST_ACCURACY), e.epoch()
            };
      }
    }
    return b;
  }
}
