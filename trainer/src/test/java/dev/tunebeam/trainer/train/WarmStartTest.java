package dev.tunebeam.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.tunebeam.trainer.TestData;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.data.LocalDataSource;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.report.CheckpointCodecs;
import dev.tunebeam.trainer.report.EpochRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm start on a small real subset (200 images): 3 epochs, then 7 more from the checkpoint, equal
 * 10 at once.
 */
@Tag("integration")
class WarmStartTest {
  private static NDManager manager;
  private static DeviceData train;
  private static DeviceData test;

  @BeforeAll
  static void load() throws Exception {
    FashionMnistData data = FashionMnistLoader.load(new LocalDataSource(TestData.dir()), 200, 50);
    manager = NDManager.newBaseManager(Device.cpu());
    train = DeviceData.of(data.train(), manager);
    test = DeviceData.of(data.test(), manager);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static TrainingConfig config(Activation a, OptimizerKind o, int epochs) {
    return TrainingConfig.builder()
        .activation(a)
        .optimizer(o)
        .epochs(epochs)
        .batchSize(50)
        .trainSamples(200)
        .testSamples(50)
        .build();
  }

  /**
   * Keeps each member's latest checkpoint, passed through the file format as a real resume would
   * read it.
   */
  private static final class Keeper implements ProgressListener {
    final Map<Integer, TrainingCheckpoint> latest = new HashMap<>();

    @Override
    public boolean wantsCheckpoints() {
      return true;
    }

    @Override
    public void checkpoint(int member, TrainingCheckpoint checkpoint) {
      latest.put(member, CheckpointCodecs.roundTrip(checkpoint));
    }
  }

  private static void assertSameWeights(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(worst < 1e-5, "largest weight difference " + worst);
  }

  @Test
  void threeEpochsThenSevenMoreGiveTheWeightsOfTenAtOnce() {
    // A fused group with every optimizer: Adam's step count, momentum and RMSprop's averages must
    // all survive.
    List<TrainingConfig> ten = new ArrayList<>();
    List<TrainingConfig> three = new ArrayList<>();
    for (OptimizerKind o : OptimizerKind.values()) {
      ten.add(config(Activation.RELU, o, 10));
      three.add(config(Activation.RELU, o, 3));
    }
    List<TrainingOutcome> atOnce =
        new FusedTrainer(manager, train, test, ProgressListener.NONE).train(ten);
    Keeper keeper = new Keeper();
    new FusedTrainer(manager, train, test, keeper).train(three);
    List<TrainingCheckpoint> afterThree =
        List.of(keeper.latest.get(0), keeper.latest.get(1), keeper.latest.get(2));
    afterThree.forEach(c -> assertEquals(3, c.epoch()));
    List<TrainingOutcome> continued =
        new FusedTrainer(manager, train, test, ProgressListener.NONE).train(ten, afterThree);
    for (int m = 0; m < ten.size(); m++) {
      assertSameWeights(atOnce.get(m).parameters(), continued.get(m).parameters());
      assertEquals(10, continued.get(m).history().size(), "the history covers all ten epochs");
      assertEquals(
          atOnce.get(m).finalMetric(EpochRecord.TEST_ACCURACY),
          continued.get(m).finalMetric(EpochRecord.TEST_ACCURACY),
          1e-9);
      assertEquals(
          atOnce.get(m).history().get(1).metric(EpochRecord.TRAIN_LOSS),
          continued.get(m).history().get(1).metric(EpochRecord.TRAIN_LOSS),
          1e-9);
    }
  }

  @Test
  void aCheckpointOfAnotherConfigurationIsRefusedWithWhatDiffers() {
    Keeper keeper = new Keeper();
    new FusedTrainer(manager, train, test, keeper)
        .train(List.of(config(Activation.RELU, OptimizerKind.ADAM, 1)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new FusedTrainer(manager, train, test, ProgressListener.NONE)
                    .train(
                        List.of(config(Activation.TANH, OptimizerKind.ADAM, 2)),
                        List.of(keeper.latest.get(0))));
    assertTrue(
        e.getMessage().contains("activation=relu")
            && e.getMessage().contains("another configuration"),
        e.getMessage());
    IllegalArgumentException past =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new FusedTrainer(manager, train, test, ProgressListener.NONE)
                    .train(
                        List.of(config(Activation.RELU, OptimizerKind.ADAM, 1)),
                        List.of(keeper.latest.get(0), keeper.latest.get(0))));
    assertTrue(past.getMessage().contains("every member"), past.getMessage());
  }
}
