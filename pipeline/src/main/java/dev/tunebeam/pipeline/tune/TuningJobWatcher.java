package dev.tunebeam.pipeline.tune;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.Trial;
import dev.tunebeam.transforms.vertex.VertexErrors;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Polls a HyperparameterTuningJob until it ends, printing a line whenever its state or its trials'
 * states change (the launcher's {@code --debug-sync}). Waits grow from the poll interval to at most
 * a minute while nothing changes.
 */
final class TuningJobWatcher {
  private static final Set<JobState> TERMINAL =
      Set.of(
          JobState.JOB_STATE_SUCCEEDED,
          JobState.JOB_STATE_FAILED,
          JobState.JOB_STATE_CANCELLED,
          JobState.JOB_STATE_EXPIRED);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private static final int MAX_CONSECUTIVE_BLIPS = 8;

  private final JobServiceClient client;
  private final PrintStream out;
  private final Duration poll;

  TuningJobWatcher(JobServiceClient client, PrintStream out, Duration poll) {
    this.client = client;
    this.out = out;
    this.poll = poll;
  }

  HyperparameterTuningJob waitForEnd(String name) throws InterruptedException {
    String last = null;
    long wait = poll.toMillis();
    long cap = Math.max(wait, 60_000);
    int blips = 0;
    while (true) {
      HyperparameterTuningJob job;
      try {
        job = client.getHyperparameterTuningJob(name);
        blips = 0;
      } catch (ApiException e) {
        // A network blip during an hours-long wait must not end it: the job runs on regardless.
        if (!VertexErrors.retryable(e) || ++blips > MAX_CONSECUTIVE_BLIPS) {
          throw e;
        }
        out.println(
            LocalTime.now().format(CLOCK)
                + "  polling failed ("
                + e.getStatusCode().getCode()
                + "), retrying");
        Thread.sleep(wait);
        wait = Math.min(cap, wait * 2);
        continue;
      }
      String now = describe(job);
      if (!now.equals(last)) {
        out.println(LocalTime.now().format(CLOCK) + "  " + now);
        last = now;
        wait = poll.toMillis();
      }
      if (TERMINAL.contains(job.getState())) {
        return job;
      }
      Thread.sleep(wait);
      wait = Math.min(cap, wait * 2);
    }
  }

  /** {@code RUNNING, trials: 3 SUCCEEDED, 3 ACTIVE}. */
  static String describe(HyperparameterTuningJob job) {
    String state = job.getState().name().replace("JOB_STATE_", "");
    if (job.getTrialsCount() == 0) {
      return state;
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (Trial t : job.getTrialsList()) {
      counts.merge(t.getState().name(), 1, Integer::sum);
    }
    StringBuilder s = new StringBuilder(state).append(", trials:");
    counts.forEach((k, v) -> s.append(' ').append(v).append(' ').append(k).append(','));
    return s.substring(0, s.length() - 1);
  }
}
