package dev.tunebeam.transforms.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.transforms.results.RunFigures;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.run.Utilisation;
import java.util.function.Consumer;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A run's figures for its final results: its {@link Utilisation} in {@code results.json}, and the
 * end of its live rewrites ({@link LiveResults}) before the final files are written.
 *
 * <pre>{@code
 * board.apply(WriteLeaderboard.to(output).withRunFigures(StudyFigures.of(run)));
 * }</pre>
 */
@Internal
public final class StudyFigures implements RunFigures {
  private static final long serialVersionUID = 1L;

  private final StudyRun run;

  private StudyFigures(StudyRun run) {
    this.run = run;
  }

  public static StudyFigures of(StudyRun run) {
    return new StudyFigures(run);
  }

  @Override
  public Consumer<ObjectNode> seal() {
    ResultsGate.of(run).seal();
    Utilisation u = run.utilisation();
    return u.availableCoreSeconds() > 0 ? RunFiguresJson.utilisation(u) : root -> {};
  }
}
