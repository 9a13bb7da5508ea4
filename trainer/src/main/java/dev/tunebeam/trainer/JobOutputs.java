package dev.tunebeam.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.data.FashionMnistData;
import dev.tunebeam.trainer.report.ArtifactStore;
import dev.tunebeam.trainer.report.ComputeSettings;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import dev.tunebeam.trainer.report.ModelFile;
import dev.tunebeam.trainer.report.Versions;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.trainer.train.TrainingOutcome;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * A trained model's report, and its {@code model.npz} and {@code metrics.json} in its model dir
 * where it has one.
 */
final class JobOutputs {
  private final MetricsReport.Dataset dataset;
  private final Engine engine;
  private final NDManager manager;
  private final Supplier<Storage> storage;

  JobOutputs(FashionMnistData data, Engine engine, NDManager manager, Supplier<Storage> storage) {
    this.dataset = MetricsReport.Dataset.of(data);
    this.engine = engine;
    this.manager = manager;
    this.storage = storage;
  }

  MetricsReport write(MemberRun member, TrainingOutcome outcome) throws IOException {
    MetricsReport report =
        MetricsReport.of(
            member.trialId(), outcome, dataset, Versions.all(engine), ComputeSettings.current());
    if (member.modelDir() != null) {
      ArtifactStore store = ArtifactStore.open(member.modelDir(), storage);
      store.write(ModelFile.FILE_NAME, ModelFile.encode(outcome.parameters(), manager));
      store.write(MetricsJson.FILE_NAME, MetricsJson.write(report));
    }
    return report;
  }
}
