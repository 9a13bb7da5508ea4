package dev.tunebeam.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.data.FashionMnistLoader;
import dev.tunebeam.trainer.train.FusedTrainer;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingCheckpoint;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a training job trains with: the engine and the device, the data (every member of a fused
 * group shares the first one's data settings) and each member's checkpoint, null where it starts
 * fresh. Everything here is read from what the user named, so its refusals are usage errors.
 */
record JobInputs(
    Engine engine, Device device, FashionMnistData data, List<TrainingCheckpoint> checkpoints) {
  static JobInputs prepare(
      List<MemberRun> members, int threads, DataLocator locator, Supplier<Storage> storage)
      throws IOException {
    TrainingConfig first = members.get(0).config();
    Engine engine = Engine.getEngine("PyTorch");
    if (threads > 0) {
      JniUtils.setNumThreads(threads);
    }
    Device device = InputBoundary.read(() -> first.device().resolve(engine));
    FashionMnistData data =
        InputBoundary.read(
            () ->
                FashionMnistLoader.load(
                    locator.locate(first.dataDir()),
                    first.trainSamples(),
                    first.validationSamples(),
                    first.validationSeed(),
                    first.testSamples()));
    InputBoundary.check(() -> FusedTrainer.checkBatchFits(first.batchSize(), data.train().count()));
    List<TrainingCheckpoint> checkpoints =
        InputBoundary.read(() -> Checkpoints.read(members, storage));
    return new JobInputs(engine, device, data, checkpoints);
  }
}
