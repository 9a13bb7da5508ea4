package dev.tunebeam.pipeline;

import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.FailureBudget;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.space.Trial;
import java.util.Locale;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/** Turns {@code --backend} and the local options into the transform that runs the trials. */
final class Backends {
  private Backends() {}

  static PTransform<PCollection<Trial>, PCollection<TrialResult>> runTrials(GridSearchOptions o, FailureBudget budget) {
    String backend = o.getBackend().trim().toLowerCase(Locale.ROOT);
    if (!backend.equals("local")) {
      throw new IllegalArgumentException("--backend " + o.getBackend() + " is not supported; allowed: local");
    }
    return local(o, budget);
  }

  static TrainLocally local(GridSearchOptions o, FailureBudget budget) {
    String fuse = o.getFuse().trim().toLowerCase(Locale.ROOT);
    if (!fuse.equals("auto") && !fuse.equals("off")) {
      throw new IllegalArgumentException("--fuse " + o.getFuse() + " is not supported; allowed: auto, off");
    }
    if (o.getMaxFuse() < 1) {
      throw new IllegalArgumentException("--maxFuse " + o.getMaxFuse() + " must be at least 1");
    }
    if (o.getLocalWorkers() < 0 || o.getThreadsPerWorker() < 0) {
      throw new IllegalArgumentException("--localWorkers and --threadsPerWorker must be 0 (auto) or positive");
    }
    String device = o.getDevice().trim().toLowerCase(Locale.ROOT);
    if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
      throw new IllegalArgumentException("--device " + o.getDevice() + " is not supported; allowed: auto, cpu, gpu");
    }
    TrainLocally t = TrainLocally.to(o.getOutput())
        .withDevice(device)
        .withWorkers(o.getLocalWorkers())
        .withThreadsPerWorker(o.getThreadsPerWorker())
        .withMaxFuse(fuse.equals("off") ? 1 : o.getMaxFuse())
        .withResume(o.getResume())
        .withFailureBudget(budget);
    if (!o.getWorkerJvmOptions().isBlank()) {
      t = t.withWorkerJvmOptions(o.getWorkerJvmOptions().trim().split("\\s+"));
    }
    if (!o.getDataDir().isBlank()) {
      t = t.withDataDirectory(o.getDataDir());
    }
    return o.getInProcess() ? t.inProcess() : t;
  }
}
