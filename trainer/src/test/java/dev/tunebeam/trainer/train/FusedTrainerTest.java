package dev.tunebeam.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.tunebeam.trainer.TestData;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.data.LocalDataSource;
import dev.tunebeam.trainer.data.Normalize;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.model.Init;
import dev.tunebeam.trainer.model.LeNetLayout;
import dev.tunebeam.trainer.model.Pooling;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.report.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real training on a small real subset: 2,000 training and 1,000 test images. The accuracy bounds
 * were set with max pooling, He init and standardised inputs, which learn faster in one epoch than
 * the reference's defaults; those settings are pinned here so the bounds keep their strength.
 */
@Tag("integration")
class FusedTrainerTest {
  private static NDManager manager;
  private static DeviceData train;
  private static DeviceData test;

  @BeforeAll
  static void load() throws Exception {
    FashionMnistData data =
        FashionMnistLoader.load(new LocalDataSource(TestData.dir()), 2000, 1000);
    manager = NDManager.newBaseManager(Device.cpu());
    train = DeviceData.of(data.train(), manager, Normalize.STANDARD);
    test = DeviceData.of(data.test(), manager, Normalize.STANDARD);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static TrainingConfig config(Activation a, OptimizerKind o, int epochs, long seed) {
    return TrainingConfig.builder()
        .activation(a)
        .optimizer(o)
        .epochs(epochs)
        .seed(seed)
        .trainSamples(2000)
        .testSamples(1000)
        .pooling(Pooling.MAX)
        .init(Init.HE)
        .normalize(Normalize.STANDARD)
        .build();
  }

  private static List<TrainingOutcome> train(List<TrainingConfig> configs) {
    return new FusedTrainer(manager, train, test, ProgressListener.NONE).train(configs);
  }

  @Test
  void oneEpochOnTwoThousandImagesBeatsChanceClearly() {
    TrainingOutcome o = train(List.of(config(Activation.RELU, OptimizerKind.ADAM, 1, 42))).get(0);
    assertTrue(
        o.finalMetric(EpochRecord.TEST_ACCURACY) > 0.65,
        "test accuracy " + o.finalMetric(EpochRecord.TEST_ACCURACY));
    assertEquals(1, o.history().size());
    assertTrue(
        o.history().get(0).metric(EpochRecord.TRAIN_LOSS) < Math.log(10),
        "loss below chance level");
  }

  @Test
  void eachModelReportsItsTrainingSecondsSoFarAndItsParameterCount() {
    List<TrainingOutcome> two =
        train(
            List.of(
                config(Activation.RELU, OptimizerKind.ADAM, 2, 42),
                config(Activation.TANH, OptimizerKind.SGD, 2, 42)));
    for (TrainingOutcome o : two) {
      EpochRecord first = o.history().get(0);
      EpochRecord second = o.history().get(1);
      assertEquals(LeNetLayout.SIZE, (int) second.metric(EpochRecord.PARAM_COUNT));
      double s1 = first.metric(EpochRecord.TRAIN_SECONDS);
      double s2 = second.metric(EpochRecord.TRAIN_SECONDS);
      assertTrue(s1 > 0 && s2 > s1, "seconds so far grow: " + s1 + ", " + s2);
      // Two fused models share the group's training time evenly.
      assertEquals(first.trainSeconds() / 2, s1, 1e-9);
      assertEquals(s1 + second.trainSeconds() / 2, s2, 1e-9);
    }
  }

  @Test
  void everyOptimizerAndActivationTrains() {
    List<TrainingConfig> configs = new ArrayList<>();
    for (OptimizerKind o : OptimizerKind.values()) {
      configs.add(config(Activation.RELU, o, 2, 42));
    }
    for (Activation a : Activation.values()) {
      if (a != Activation.RELU) {
        configs.add(config(a, OptimizerKind.ADAM, 2, 42));
      }
    }
    List<TrainingOutcome> outcomes = train(configs);
    for (TrainingOutcome o : outcomes) {
      String what = o.config().activation() + "/" + o.config().optimizer() + ": " + o.history();
      double first = o.history().get(0).metric(EpochRecord.TRAIN_LOSS);
      double second = o.history().get(1).metric(EpochRecord.TRAIN_LOSS);
      assertTrue(Double.isFinite(second), what);
      assertTrue(second < first, "loss falls: " + what);
      if (o.config().activation() != Activation.SOFTMAX
          && o.config().activation() != Activation.SIGMOID) {
        // Saturating hidden activations (softmax, sigmoid) start slowly: two epochs of 2,000 images
        // moved sigmoid from 0.09 to 0.37; for them "trains" means the loss falls.
        assertTrue(o.finalMetric(EpochRecord.TEST_ACCURACY) > 0.5, what);
      }
    }
  }

  @Test
  void sameSeedSameResultDifferentSeedDifferentResult() {
    TrainingConfig c = config(Activation.LEAKYRELU, OptimizerKind.SGD, 1, 7);
    TrainingOutcome a = train(List.of(c)).get(0);
    TrainingOutcome b = train(List.of(c)).get(0);
    assertEquals(
        a.history().get(0).metric(EpochRecord.TRAIN_LOSS),
        b.history().get(0).metric(EpochRecord.TRAIN_LOSS));
    assertEquals(
        a.finalMetric(EpochRecord.TEST_ACCURACY), b.finalMetric(EpochRecord.TEST_ACCURACY));
    TrainingOutcome other =
        train(List.of(config(Activation.LEAKYRELU, OptimizerKind.SGD, 1, 8))).get(0);
    assertNotEquals(
        a.history().get(0).metric(EpochRecord.TRAIN_LOSS),
        other.history().get(0).metric(EpochRecord.TRAIN_LOSS));
  }

  /**
   * Issue 8's parity: a model fused with others reaches the accuracy it reaches alone (within 1
   * point).
   */
  @Test
  void fusedModelsMatchTheSameModelsTrainedAlone() {
    List<TrainingConfig> group =
        List.of(
            config(Activation.RELU, OptimizerKind.ADAM, 2, 42),
            config(Activation.SOFTMAX, OptimizerKind.SGD, 2, 42),
            config(Activation.LEAKYRELU, OptimizerKind.RMSPROP, 2, 42),
            config(Activation.RELU, OptimizerKind.SGD, 2, 42));
    List<TrainingOutcome> fused = train(group);
    for (int i = 0; i < group.size(); i++) {
      TrainingOutcome alone = train(List.of(group.get(i))).get(0);
      assertEquals(
          alone.finalMetric(EpochRecord.TEST_ACCURACY),
          fused.get(i).finalMetric(EpochRecord.TEST_ACCURACY),
          0.01,
          group.get(i).toString());
      assertEquals(
          alone.history().get(0).metric(EpochRecord.TRAIN_LOSS),
          fused.get(i).history().get(0).metric(EpochRecord.TRAIN_LOSS),
          0.01,
          group.get(i).toString());
      assertEquals(4, fused.get(i).fusedWith());
    }
  }

  @Test
  void batchLargerThanTheDataIsRefusedWithTheFlagName() {
    TrainingConfig c = TrainingConfig.builder().batchSize(4096).epochs(1).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> train(List.of(c)));
    assertTrue(
        e.getMessage().startsWith("--batch-size 4096 is larger than the 2000 training samples"),
        e.getMessage());
  }

  @Test
  void membersThatDifferInBatchSizeCannotFuse() {
    TrainingConfig a = config(Activation.RELU, OptimizerKind.ADAM, 1, 42);
    TrainingConfig b =
        TrainingConfig.builder()
            .batchSize(32)
            .epochs(1)
            .seed(42)
            .trainSamples(2000)
            .testSamples(1000)
            .build();
    assertThrows(IllegalArgumentException.class, () -> train(List.of(a, b)));
  }
}
