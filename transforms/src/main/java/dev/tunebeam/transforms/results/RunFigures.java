package dev.tunebeam.transforms.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.function.Consumer;
import org.apache.beam.sdk.annotations.Internal;

/**
 * What the study's run adds to its final results ({@link WriteLeaderboard#withRunFigures}): figures
 * for {@code results.json} beside the leaderboard (how well the run kept the cores busy), read in
 * the JVM that writes them. The results package knows no run; the engine ({@code
 * exec.StudyFigures}) implements this.
 */
@Internal
public interface RunFigures extends Serializable {
  /**
   * Called once, just before the final files are written: from here on nothing rewrites the results
   * while the study runs. Returns what to add to {@code results.json}'s root object.
   */
  Consumer<ObjectNode> seal();
}
