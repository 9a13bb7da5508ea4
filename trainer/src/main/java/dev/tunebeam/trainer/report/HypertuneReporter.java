package dev.tunebeam.trainer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reports a metric to Vertex AI hyperparameter tuning the way Google's {@code cloudml-hypertune}
 * package does: one JSON object per line ({@code timestamp} a number; {@code trial}, the metric and
 * {@code global_step} strings), the whole file rewritten on each report, the last 100 kept.
 */
public final class HypertuneReporter {
  public static final String DEFAULT_FILE = "/tmp/hypertune/output.metrics";
  public static final int MAX_ENTRIES = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;
  private final String trialId;
  private final Deque<String> lines = new ArrayDeque<>();

  public HypertuneReporter(Path file, String trialId) {
    this.file = file;
    this.trialId = trialId;
  }

  /**
   * Active when Vertex runs the container for a tuning trial ({@code CLOUD_ML_TRIAL_ID}) or a
   * metric file is named ({@code CLOUD_ML_HP_METRIC_FILE}); null otherwise.
   */
  public static HypertuneReporter fromEnvironment(Map<String, String> env) {
    String trial = env.get("CLOUD_ML_TRIAL_ID");
    String target = env.get("CLOUD_ML_HP_METRIC_FILE");
    if (trial == null && target == null) {
      return null;
    }
    return new HypertuneReporter(
        Path.of(target != null && !target.isBlank() ? target : DEFAULT_FILE),
        trial == null ? "0" : trial);
  }

  public Path file() {
    return file;
  }

  public void report(String metricId, double value, long globalStep) throws IOException {
    report(Map.of(metricId, value), globalStep);
  }

  /**
   * One line holding several metrics, for a study with several objectives (one {@code MetricSpec}
   * each): Vertex reads every metric id from the same measurement.
   */
  public void report(Map<String, Double> metrics, long globalStep) throws IOException {
    ObjectNode entry = MAPPER.createObjectNode();
    entry.put("timestamp", System.currentTimeMillis() / 1000.0);
    entry.put("trial", trialId);
    metrics.forEach((id, value) -> entry.put(id, String.valueOf(value)));
    entry.put("global_step", String.valueOf(globalStep));
    lines.addLast(MAPPER.writeValueAsString(entry));
    while (lines.size() > MAX_ENTRIES) {
      lines.removeFirst();
    }
    new LocalArtifactStore(file.toAbsolutePath().getParent())
        .write(
            file.getFileName().toString(),
            (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
