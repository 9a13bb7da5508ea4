package dev.tunebeam.examples;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.tunebeam.trainer.contract.BadParameterException;
import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.trainer.contract.TrialContext;
import dev.tunebeam.trainer.contract.TrialOutcome;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.data.LocalDataSource;
import dev.tunebeam.trainer.data.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Your own DJL model, tuned by tunebeam: a multilayer perceptron from DJL's {@link Mlp} block,
 * trained with {@link EasyTrain} on Fashion-MNIST, as a {@link Trainable}. Hyperparameters: {@code
 * hidden} (units per hidden layer, 128), {@code layers} (1), {@code learning_rate} (Adam, 0.001),
 * {@code batch_size} (64), {@code num_epochs} (2), {@code train_samples} and {@code test_samples}
 * (0: all), {@code data_dir}. The last tenth of the training images validates; it reports train and
 * validation loss and accuracy, and test accuracy, after every epoch.
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:examples/target/tunebeam-examples-0.1.0-SNAPSHOT.jar \
 *     dev.tunebeam.pipeline.SearchPipeline --trainerClass=dev.tunebeam.examples.MlpTrainable \
 *     --searchSpace=examples/mlp-space.yaml --output=out/mlp
 * </pre>
 */
public final class MlpTrainable implements Trainable {
  private static final long serialVersionUID = 1L;

  @Override
  public TrialOutcome train(TrialContext ctx) throws Exception {
    int hidden = ctx.integer("hidden", 128);
    int layers = ctx.integer("layers", 1);
    double learningRate = ctx.decimal("learning_rate", 0.001);
    int batchSize = ctx.integer("batch_size", 64);
    int epochs = ctx.integer("num_epochs", 2);
    if (hidden < 1 || layers < 1 || batchSize < 1 || epochs < 1 || !(learningRate > 0)) {
      throw new BadParameterException(
          "hidden "
              + hidden
              + ", layers "
              + layers
              + ", batch_size "
              + batchSize
              + ", num_epochs "
              + epochs
              + " and learning_rate "
              + learningRate
              + " must all be positive");
    }
    FashionMnistData data =
        FashionMnistLoader.load(
            new LocalDataSource(Path.of(ctx.string("data_dir", DataLocator.DEBIAN_DIR.toString()))),
            ctx.integer("train_samples", 0),
            ctx.integer("test_samples", 0));
    int validation = Math.max(1, data.train().count() / 10);
    int[] units = new int[layers];
    Arrays.fill(units, hidden);
    try (NDManager manager = NDManager.newBaseManager();
        Model model = Model.newInstance("mlp")) {
      ArrayDataset train =
          dataset(manager, data.train(), 0, data.train().count() - validation, batchSize, true);
      ArrayDataset validate =
          dataset(
              manager,
              data.train(),
              data.train().count() - validation,
              data.train().count(),
              batchSize,
              false);
      NDArray testImages = images(manager, data.test(), 0, data.test().count());
      NDArray testLabels = labels(manager, data.test(), 0, data.test().count());
      model.setBlock(new Mlp(Split.PIXELS, 10, units));
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed((float) learningRate))
                      .build())
              .addEvaluator(new Accuracy())
              .addTrainingListeners(TrainingListener.Defaults.basic());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, Split.PIXELS));
        for (int epoch = 1; epoch <= epochs; epoch++) {
          EasyTrain.fit(trainer, 1, train, validate);
          Map<String, Float> e = trainer.getTrainingResult().getEvaluations();
          Map<String, Double> metrics = new LinkedHashMap<>();
          metrics.put("train_loss", (double) e.get("train_loss"));
          metrics.put("train_accuracy", (double) e.get("train_Accuracy"));
          metrics.put("val_loss", (double) e.get("validate_loss"));
          metrics.put("val_accuracy", (double) e.get("validate_Accuracy"));
          metrics.put("test_accuracy", accuracy(trainer, testImages, testLabels));
          System.out.printf("Epoch %d/%d: %s%n", epoch, epochs, metrics);
          ctx.report(epoch, metrics);
        }
      }
    }
    return TrialOutcome.reported();
  }

  private static double accuracy(Trainer trainer, NDArray images, NDArray labels) {
    NDArray predicted = trainer.evaluate(new NDList(images)).singletonOrThrow().argMax(1);
    return predicted.toType(labels.getDataType(), false).eq(labels).sum().getLong()
        / (double) labels.size();
  }

  private static ArrayDataset dataset(
      NDManager manager, Split split, int from, int to, int batchSize, boolean shuffle) {
    return new ArrayDataset.Builder()
        .setData(images(manager, split, from, to))
        .optLabels(labels(manager, split, from, to))
        .setSampling(batchSize, shuffle)
        .build();
  }

  private static NDArray images(NDManager manager, Split split, int from, int to) {
    float[] pixels = new float[(to - from) * Split.PIXELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (split.pixels()[from * Split.PIXELS + i] & 0xff) / 255f;
    }
    return manager.create(pixels, new Shape(to - from, Split.PIXELS));
  }

  private static NDArray labels(NDManager manager, Split split, int from, int to) {
    long[] labels = new long[to - from];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = split.labels()[from + i];
    }
    return manager.create(labels);
  }
}
