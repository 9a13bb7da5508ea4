package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import dev.tunebeam.transforms.study.Trial;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls a job with capped exponential backoff (reset whenever its state changes) until it ends. */
final class JobPoller {
  // One log name for everything a Vertex runner does, so a user filters one logger.
  private static final Logger LOG = LoggerFactory.getLogger(VertexJobRunner.class);

  /** States after which a job never changes again. */
  private static final Set<JobState> TERMINAL =
      Set.of(
          JobState.JOB_STATE_SUCCEEDED,
          JobState.JOB_STATE_FAILED,
          JobState.JOB_STATE_CANCELLED,
          JobState.JOB_STATE_EXPIRED,
          JobState.JOB_STATE_PARTIALLY_SUCCEEDED);

  private final JobServiceClient client;
  private final VertexRetries retries;
  private final Backoff polling;

  JobPoller(JobServiceClient client, VertexRetries retries, Backoff polling) {
    this.client = client;
    this.retries = retries;
    this.polling = polling;
  }

  /** The job in its final state. */
  CustomJob untilEnded(Trial trial, String jobName)
      throws VertexCallException, InterruptedException {
    JobState last = null;
    int sinceChange = 0;
    while (true) {
      CustomJob job = retries.call("polling job " + jobName, () -> client.getCustomJob(jobName));
      if (job.getState() != last) {
        LOG.info("trial {}: job {} is {}", trial.id(), job.getName(), job.getState());
        last = job.getState();
        sinceChange = 0;
      }
      if (TERMINAL.contains(job.getState())) {
        return job;
      }
      polling.sleep(sinceChange++);
    }
  }
}
