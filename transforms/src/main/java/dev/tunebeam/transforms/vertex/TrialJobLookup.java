package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.ListCustomJobsRequest;
import dev.tunebeam.transforms.study.Trial;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trial's live jobs, found by its label: Vertex has no request id, so this lookup is what keeps
 * submission idempotent, and what settles a race in which two runners both created one.
 */
final class TrialJobLookup {
  // One log name for everything a Vertex runner does, so a user filters one logger.
  private static final Logger LOG = LoggerFactory.getLogger(VertexJobRunner.class);

  /** Jobs not worth attaching to: a rerun should try the trial again. */
  private static final Set<JobState> DEAD =
      Set.of(
          JobState.JOB_STATE_FAILED,
          JobState.JOB_STATE_CANCELLING,
          JobState.JOB_STATE_CANCELLED,
          JobState.JOB_STATE_EXPIRED,
          JobState.JOB_STATE_PARTIALLY_SUCCEEDED);

  /** Which of a trial's live jobs every runner keeps: a finished one, else the oldest. */
  private static final Comparator<CustomJob> PREFERENCE =
      Comparator.<CustomJob>comparingInt(j -> j.getState() == JobState.JOB_STATE_SUCCEEDED ? 0 : 1)
          .thenComparingLong(j -> j.getCreateTime().getSeconds())
          .thenComparingInt(j -> j.getCreateTime().getNanos())
          .thenComparing(CustomJob::getName);

  private final JobServiceClient client;
  private final String parent;

  TrialJobLookup(JobServiceClient client, String parent) {
    this.client = client;
    this.parent = parent;
  }

  /** The job an earlier submission left that did not fail (a retried bundle, a rerun), if any. */
  Optional<CustomJob> existing(Trial trial) {
    return live(trial).stream().min(PREFERENCE);
  }

  /**
   * Two runners (a retried bundle racing a zombie worker) can both list nothing and both create.
   * After creating, list again: every runner keeps the same job (see {@link #PREFERENCE}) and
   * cancels the others, so no duplicate keeps running on the bill. Returns the job kept.
   */
  String keepOne(Trial trial, String created) {
    List<CustomJob> live = live(trial);
    if (live.size() <= 1) {
      return created;
    }
    CustomJob keep = live.stream().min(PREFERENCE).orElseThrow();
    for (CustomJob j : live) {
      if (!j.getName().equals(keep.getName()) && j.getState() != JobState.JOB_STATE_SUCCEEDED) {
        LOG.warn(
            "trial {}: cancelling duplicate job {}; keeping {}",
            trial.id(),
            j.getName(),
            keep.getName());
        client.cancelCustomJob(j.getName());
      }
    }
    return keep.getName();
  }

  private List<CustomJob> live(Trial trial) {
    ListCustomJobsRequest request =
        ListCustomJobsRequest.newBuilder()
            .setParent(parent)
            .setFilter(VertexLabels.trialFilter(trial.id()))
            .build();
    return StreamSupport.stream(client.listCustomJobs(request).iterateAll().spliterator(), false)
        .filter(
            j -> VertexLabels.value(trial.id()).equals(j.getLabelsMap().get(VertexLabels.TRIAL_ID)))
        .filter(j -> TrialJobs.sameRung(trial, j))
        .filter(j -> !DEAD.contains(j.getState()))
        .toList();
  }
}
