package dev.tunebeam.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.tunebeam.trainer.TestData;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.data.LocalDataSource;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.model.LeNetLayout;
import dev.tunebeam.trainer.optim.OptimizerKind;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A fused group trains each model exactly as it trains alone: after six steps on real images every
 * one of each model's 61,706 parameters agrees with the lone run to 1e-4. The group holds three
 * softmax models (softmax normalises over a model's own channels, so a slicing slip would mix
 * models) and two models that share one Adam state (relu/adam and softmax/adam sort next to each
 * other and form one optimizer run), beside RMSprop and SGD.
 */
@Tag("integration")
class FusedParametersTest {
  private static final double TOLERANCE = 1e-4;
  private static NDManager manager;
  private static DeviceData train;
  private static DeviceData test;

  @BeforeAll
  static void load() throws Exception {
    FashionMnistData data = FashionMnistLoader.load(new LocalDataSource(TestData.dir()), 192, 64);
    manager = NDManager.newBaseManager(Device.cpu());
    train = DeviceData.of(data.train(), manager);
    test = DeviceData.of(data.test(), manager);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static TrainingConfig config(Activation a, OptimizerKind o) {
    // 192 images in batches of 64: three steps an epoch, two epochs.
    return TrainingConfig.builder()
        .activation(a)
        .optimizer(o)
        .batchSize(64)
        .epochs(2)
        .trainSamples(192)
        .testSamples(64)
        .build();
  }

  @Test
  void everyParameterOfEveryMemberMatchesItsLoneRun() {
    List<TrainingConfig> group =
        List.of(
            config(Activation.SOFTMAX, OptimizerKind.ADAM),
            config(Activation.SOFTMAX, OptimizerKind.RMSPROP),
            config(Activation.RELU, OptimizerKind.ADAM),
            config(Activation.SOFTMAX, OptimizerKind.SGD),
            config(Activation.LEAKYRELU, OptimizerKind.SGD));
    List<TrainingOutcome> fused =
        new FusedTrainer(manager, train, test, ProgressListener.NONE).train(group);
    for (int m = 0; m < group.size(); m++) {
      TrainingOutcome alone =
          new FusedTrainer(manager, train, test, ProgressListener.NONE)
              .train(List.of(group.get(m)))
              .get(0);
      float[] start = group.get(m).init().lenet(group.get(m).seed());
      float[] a = alone.parameters();
      float[] f = fused.get(m).parameters();
      double worst = 0;
      double moved = 0;
      for (int i = 0; i < LeNetLayout.SIZE; i++) {
        worst = Math.max(worst, Math.abs(a[i] - f[i]));
        moved = Math.max(moved, Math.abs(a[i] - start[i]));
      }
      String what = group.get(m).activation() + "/" + group.get(m).optimizer();
      assertTrue(moved > 20 * TOLERANCE, what + " trained: its weights moved by up to " + moved);
      assertEquals(0, worst, TOLERANCE, what + ": largest difference between fused and alone");
    }
  }
}
