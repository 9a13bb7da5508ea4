package dev.tunebeam.transforms.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.transforms.run.Utilisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Figures of the run beside the leaderboard in {@code results.json}: its {@link Utilisation} as
 * {@code "utilisation": {"fraction", "busy_core_seconds", "available_core_seconds", "cores",
 * "seconds"}}, and while it runs {@code "running"} and {@code "queued"} trial counts.
 */
public final class RunFiguresJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunFiguresJson() {}

  public static byte[] withUtilisation(byte[] resultsJson, Utilisation u) {
    return edit(
        resultsJson,
        root -> {
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
        });
  }

  public static byte[] withUnfinished(byte[] resultsJson, long running, long queued) {
    return edit(resultsJson, root -> root.put("running", running).put("queued", queued));
  }

  private static byte[] edit(byte[] json, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(json);
      change.accept(root);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
