package dev.tunebeam.transforms.local;

import dev.tunebeam.transforms.run.StudyRun;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import dev.tunebeam.transforms.space.Trial;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * How {@link TrainLocally} runs: where artifacts go, which data and device, how many worker
 * processes (0: one per core, or one when a GPU is visible) with how many compute threads each
 * (0: cores / workers) and which extra JVM options, how wide trials fuse, whether finished trials
 * are reused, the run they belong to ({@link StudyRun}: its failure bound, objective and live state), how many lanes the groups are dealt onto (0: one per
 * group), the planner's costs ({@link FusionCosts}), and which checkpoint folder a trial continues from ({@code checkpointKey}: by default its own id), and
 * what a trial runs ({@link TrialProgram}: the built-in trainer, a command, or a Java trainable). {@code inProcess} trains inside the pipeline's JVM instead, one group at a time.
 */
public record LocalSettings(
    String outputDirectory,
    String dataDirectory,
    String device,
    int workers,
    int threadsPerWorker,
    int maxFuse,
    boolean inProcess,
    boolean resume,
    String workerHeap,
    List<String> workerJvmOptions,
    StudyRun run,
    int lanes,
    long timeoutSeconds,
    SerializableFunction<Trial, String> checkpointKey,
    TrialProgram program,
    FusionCosts fusionCosts) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_FUSE = 9;

  public LocalSettings {
    workerJvmOptions = List.copyOf(workerJvmOptions);
  }

  static LocalSettings defaults(String outputDirectory) {
    return new LocalSettings(outputDirectory, null, "auto", 0, 0, DEFAULT_MAX_FUSE, false, true, "2g", List.of(), StudyRun.create(), 0, 0, Trial::id, TrialProgram.builtIn(),
        FusionCosts.DEFAULT);
  }

  /** A copy with {@code change} applied to a mutable view of the fields. */
  LocalSettings with(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new LocalSettings(f.outputDirectory, f.dataDirectory, f.device, f.workers, f.threadsPerWorker, f.maxFuse, f.inProcess,
        f.resume, f.workerHeap, f.workerJvmOptions, f.run, f.lanes, f.timeoutSeconds, f.checkpointKey, f.program,
        f.fusionCosts);
  }

  /** The fields, mutable, for {@link #with}. */
  static final class Fields {
    String outputDirectory;
    String dataDirectory;
    String device;
    int workers;
    int threadsPerWorker;
    int maxFuse;
    boolean inProcess;
    boolean resume;
    String workerHeap;
    List<String> workerJvmOptions;
    StudyRun run;
    int lanes;
    long timeoutSeconds;
    SerializableFunction<Trial, String> checkpointKey;
    TrialProgram program;
    FusionCosts fusionCosts;

    private Fields(LocalSettings s) {
      outputDirectory = s.outputDirectory;
      dataDirectory = s.dataDirectory;
      device = s.device;
      workers = s.workers;
      threadsPerWorker = s.threadsPerWorker;
      maxFuse = s.maxFuse;
      inProcess = s.inProcess;
      resume = s.resume;
      workerHeap = s.workerHeap;
      workerJvmOptions = s.workerJvmOptions;
      run = s.run;
      lanes = s.lanes;
      timeoutSeconds = s.timeoutSeconds;
      checkpointKey = s.checkpointKey;
      program = s.program;
      fusionCosts = s.fusionCosts;
    }
  }
}
