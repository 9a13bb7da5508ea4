package dev.tunebeam.transforms.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.transforms.run.Utilisation;
import java.util.function.Consumer;

/**
 * Figures of the run beside the leaderboard in {@code results.json} (for {@link
 * LeaderboardFormats#json(Leaderboard, String, Consumer)}): its {@link Utilisation} as {@code
 * "utilisation": {"fraction", "busy_core_seconds", "available_core_seconds", "cores", "seconds"}},
 * and while it runs {@code "running"} and {@code "queued"} trial counts.
 */
public final class RunFiguresJson {
  private RunFiguresJson() {}

  public static Consumer<ObjectNode> utilisation(Utilisation u) {
    return root -> {
      ObjectNode node = root.putObject("utilisation");
      if (Double.isFinite(u.fraction())) {
        node.put("fraction", Math.round(u.fraction() * 10_000) / 10_000.0);
      } else {
        node.putNull("fraction");
      }
      node.put("busy_core_seconds", Math.round(u.busyCoreSeconds() * 10) / 10.0)
          .put("available_core_seconds", Math.round(u.availableCoreSeconds() * 10) / 10.0)
          .put("cores", u.cores())
          .put("seconds", Math.round(u.seconds() * 10) / 10.0);
    };
  }

  public static Consumer<ObjectNode> unfinished(long running, long queued) {
    return root -> root.put("running", running).put("queued", queued);
  }
}
