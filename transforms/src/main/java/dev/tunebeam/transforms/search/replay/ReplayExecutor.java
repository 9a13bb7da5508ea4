package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.exec.TrialExecutor;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A {@link TrialExecutor} that trains nothing: each trial's result is looked up in a recording
 * ({@link RecordedPoints#lookUp}), cut at the trial's {@code num_epochs}. It makes a finished study
 * a tabular benchmark (HPOBench's and NAS-Bench's method) for any schedule: in a pipeline through
 * {@code ExecuteTrials.on(executor)}, or stage by stage in this JVM through {@link Replay}. A point
 * the recording lacks fails its group with the lookup's sentence.
 */
@Internal
public final class ReplayExecutor implements TrialExecutor {
  private static final long serialVersionUID = 1L;

  /** The results' backend column. */
  public static final String BACKEND = "replay";

  private final RecordedPoints points;

  public ReplayExecutor(RecordedPoints points) {
    this.points = points;
  }

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public int lanes() {
    return 1;
  }

  @Override
  public long steps(Trial trial) {
    String epochs = trial.parameters().get(RecordedPoints.EPOCHS);
    return epochs == null ? 0 : Long.parseLong(epochs);
  }

  @Override
  public Outcome run(List<Trial> group, Lane lane) {
    return Outcome.of(group.stream().map(t -> points.lookUp(t, BACKEND)).toList());
  }
}
