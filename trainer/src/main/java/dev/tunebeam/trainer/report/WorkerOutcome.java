package dev.tunebeam.trainer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a worker process ended, in the file its parent names with {@code --outcome-file}: the status,
 * the exit code, one sentence saying why it failed (credentials removed) and whether that was bad
 * input (exit 2, the same for every member of a fused group). The parent reads this file instead of
 * scraping the worker's output; a worker that died natively writes none, and only then does the
 * parent read the JVM's crash banner.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerOutcome(
    String status,
    int exitCode,
    String error,
    boolean usageError,
    List<StepMetrics> metrics,
    String trial,
    Map<String, String> parameters) {
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public WorkerOutcome {
    error = Secrets.redact(error);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    parameters = parameters == null ? null : Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  public static WorkerOutcome succeeded() {
    return new WorkerOutcome(SUCCEEDED, 0, null, false, List.of(), null, null);
  }

  public static WorkerOutcome failed(int exitCode, String error) {
    return new WorkerOutcome(FAILED, exitCode, error, exitCode == 2, List.of(), null, null);
  }

  /**
   * This outcome with the metrics the trainer reported, as its parent read them from the metric
   * file.
   */
  public WorkerOutcome withMetrics(List<StepMetrics> reported) {
    return new WorkerOutcome(status, exitCode, error, usageError, reported, trial, parameters);
  }

  /**
   * This outcome naming the trial it is the result of (its id and parameters), as a trial's folder
   * keeps it: a rerun reuses it only for that trial, never for another trial's file copied in.
   */
  public WorkerOutcome withTrial(String trialId, Map<String, String> trialParameters) {
    return new WorkerOutcome(
        status, exitCode, error, usageError, metrics, trialId, trialParameters);
  }

  /**
   * Why this saved outcome is not the result of trial {@code trialId} with {@code trialParameters};
   * empty when it is. Parameters named in {@code mayDiffer} are not compared: a schedule's later
   * rung trains the same trial to a larger num_epochs, and whether it got there is the caller's to
   * judge.
   */
  public Optional<String> notTheResultOf(
      String trialId, Map<String, String> trialParameters, Set<String> mayDiffer) {
    if (trial == null) {
      return Optional.of("its outcome.json names no trial");
    }
    if (!trial.equals(trialId)) {
      return Optional.of("its outcome.json belongs to trial " + trial + ", not " + trialId);
    }
    Map<String, String> recorded = parameters == null ? null : new TreeMap<>(parameters);
    Map<String, String> expected = new TreeMap<>(trialParameters);
    if (recorded != null) {
      recorded.keySet().removeAll(mayDiffer);
    }
    expected.keySet().removeAll(mayDiffer);
    if (!expected.equals(recorded)) {
      return Optional.of(
          "its outcome.json records other parameters (" + recorded + ", not " + expected + ")");
    }
    return Optional.empty();
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise an outcome", e);
    }
  }

  /** Null when {@code json} is not an outcome. */
  public static WorkerOutcome fromJson(byte[] json) {
    try {
      WorkerOutcome o = JSON.readValue(json, WorkerOutcome.class);
      return o == null || o.status() == null ? null : o;
    } catch (IOException e) {
      return null;
    }
  }

  public boolean ok() {
    return SUCCEEDED.equals(status);
  }

  /** Written whole (temporary sibling, then rename), so a reader never sees half of it. */
  public void write(Path file) throws IOException {
    new LocalArtifactStore(file.toAbsolutePath().getParent())
        .write(file.getFileName().toString(), toJson());
  }

  /**
   * Empty when the worker wrote none (it crashed, or was killed); an unreadable file is also empty,
   * since it says nothing.
   */
  public static Optional<WorkerOutcome> read(Path file) {
    try {
      return Optional.ofNullable(fromJson(Files.readAllBytes(file)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
