package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.CancelCustomJobRequest;
import com.google.cloud.aiplatform.v1.CreateCustomJobRequest;
import com.google.cloud.aiplatform.v1.CreateHyperparameterTuningJobRequest;
import com.google.cloud.aiplatform.v1.CustomJob;
import com.google.cloud.aiplatform.v1.GetCustomJobRequest;
import com.google.cloud.aiplatform.v1.GetHyperparameterTuningJobRequest;
import com.google.cloud.aiplatform.v1.HyperparameterTuningJob;
import com.google.cloud.aiplatform.v1.JobServiceGrpc;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.ListCustomJobsRequest;
import com.google.cloud.aiplatform.v1.ListCustomJobsResponse;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.StudySpec;
import com.google.cloud.aiplatform.v1.Trial;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.trainer.report.GcsPath;
import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful Vertex AI JobService for tests, served on loopback and driven by the real {@code
 * JobServiceClient}. It keeps created jobs, honours {@code labels.key="value"} list filters, moves
 * a job forward one state per {@code get} (QUEUED, PENDING, RUNNING..., then its outcome), writes
 * {@code metrics.json} under the job's {@code AIP_MODEL_DIR} when it succeeds, and can be told to
 * fail. It records how many jobs were ever in flight at once.
 */
public final class FakeJobService extends JobServiceGrpc.JobServiceImplBase {
  /** How a job ends. */
  public enum Outcome {
    SUCCEED,
    FAIL,
    CANCEL,
    /** Succeeds without writing metrics.json: a container that ignored AIP_MODEL_DIR. */
    SUCCEED_WITHOUT_METRICS
  }

  public static final String FAILURE_TEXT =
      "The replica workerpool0-0 exited with a non-zero status of 1. To find out more about why your job exited please check the logs";

  private static final Pattern LABEL_FILTER =
      Pattern.compile("labels\\.([a-z0-9_-]+)\\s*=\\s*\"([^\"]*)\"");

  private final StorageFactory storage;
  private final Map<String, CustomJob> jobs = new LinkedHashMap<>();
  private final Map<String, Integer> gets = new HashMap<>();
  private final Map<String, Outcome> outcomes = new HashMap<>();
  private final Deque<Status.Code> createFailures = new ArrayDeque<>();
  private final Map<String, HyperparameterTuningJob> tuningJobs = new LinkedHashMap<>();
  private final List<CreateHyperparameterTuningJobRequest> tuningRequests = new ArrayList<>();
  private final Set<String> tuningTrialsWithoutMetrics = new HashSet<>();
  private Outcome defaultOutcome = Outcome.SUCCEED;
  private Status.Code createAlwaysFails;
  private String racingTrial;
  private int tuningGetFailures;
  private int runningGets = 2;
  private int creates;
  private int lists;
  private int maxInFlight;
  private ToDoubleFunction<Map<String, String>> accuracy = FakeJobService::defaultAccuracy;
  private long nextId = 1000;

  public FakeJobService(StorageFactory storage) {
    this.storage = storage;
  }

  // ---- configuration ----

  public synchronized FakeJobService failNextCreates(Status.Code code, int times) {
    for (int i = 0; i < times; i++) {
      createFailures.add(code);
    }
    return this;
  }

  /** The next {@code n} reads of a tuning job answer UNAVAILABLE, as a network blip would. */
  public synchronized FakeJobService failNextTuningGets(int n) {
    tuningGetFailures = n;
    return this;
  }

  /**
   * The next create for this trial finds that another runner created a job for it a second earlier.
   */
  public synchronized FakeJobService anotherRunnerCreatesFirst(String trialId) {
    racingTrial = trialId;
    return this;
  }

  public synchronized FakeJobService failEveryCreate(Status.Code code) {
    createAlwaysFails = code;
    return this;
  }

  public synchronized FakeJobService outcome(String trialId, Outcome outcome) {
    outcomes.put(trialId, outcome);
    return this;
  }

  public synchronized FakeJobService defaultOutcome(Outcome outcome) {
    defaultOutcome = outcome;
    return this;
  }

  /** How many polls a job stays RUNNING. */
  public synchronized FakeJobService runningGets(int n) {
    runningGets = n;
    return this;
  }

  /** Test accuracy of a job, from the trainer flags it was given ({@code batch-size} → "64"). */
  public synchronized FakeJobService accuracy(ToDoubleFunction<Map<String, String>> f) {
    accuracy = f;
    return this;
  }

  /**
   * Tuning-job trials (by Vertex trial id) that succeed without a metrics.json: only the final
   * measurement is known.
   */
  public synchronized FakeJobService tuningTrialWithoutMetrics(String vertexTrialId) {
    tuningTrialsWithoutMetrics.add(vertexTrialId);
    return this;
  }

  // ---- observations ----

  public synchronized int creates() {
    return creates;
  }

  public synchronized int lists() {
    return lists;
  }

  public synchronized int maxInFlight() {
    return maxInFlight;
  }

  public synchronized List<CustomJob> jobs() {
    return List.copyOf(jobs.values());
  }

  public synchronized List<CreateHyperparameterTuningJobRequest> tuningRequests() {
    return List.copyOf(tuningRequests);
  }

  /** Finishes a job at once, as if someone cancelled it in the console. */
  public synchronized void cancelNow(String jobName) {
    CustomJob j = jobs.get(jobName);
    jobs.put(jobName, j.toBuilder().setState(JobState.JOB_STATE_CANCELLED).build());
  }

  // ---- CustomJobs ----

  @Override
  public synchronized void createCustomJob(
      CreateCustomJobRequest request, StreamObserver<CustomJob> response) {
    creates++;
    Status.Code failure = createFailures.isEmpty() ? createAlwaysFails : createFailures.poll();
    if (failure != null) {
      response.onError(
          Status.fromCode(failure).withDescription(describe(failure)).asRuntimeException());
      return;
    }
    if (request.getCustomJob().getLabelsMap().getOrDefault("trial_id", "").equals(racingTrial)) {
      racingTrial = null;
      String other = request.getParent() + "/customJobs/" + nextId++;
      Timestamp earlier = now().toBuilder().setSeconds(now().getSeconds() - 1).build();
      jobs.put(
          other,
          request.getCustomJob().toBuilder()
              .setName(other)
              .setState(JobState.JOB_STATE_QUEUED)
              .setCreateTime(earlier)
              .build());
      gets.put(other, 0);
    }
    String name = request.getParent() + "/customJobs/" + nextId++;
    CustomJob job =
        request.getCustomJob().toBuilder()
            .setName(name)
            .setState(JobState.JOB_STATE_QUEUED)
            .setCreateTime(now())
            .build();
    jobs.put(name, job);
    gets.put(name, 0);
    recordInFlight();
    response.onNext(job);
    response.onCompleted();
  }

  @Override
  public synchronized void getCustomJob(
      GetCustomJobRequest request, StreamObserver<CustomJob> response) {
    CustomJob job = jobs.get(request.getName());
    if (job == null) {
      response.onError(
          Status.NOT_FOUND
              .withDescription("CustomJob " + request.getName() + " does not exist")
              .asRuntimeException());
      return;
    }
    if (!terminal(job.getState())) {
      int n = gets.merge(request.getName(), 1, Integer::sum);
      job = advance(job, n);
      jobs.put(job.getName(), job);
      recordInFlight();
    }
    response.onNext(job);
    response.onCompleted();
  }

  @Override
  public synchronized void listCustomJobs(
      ListCustomJobsRequest request, StreamObserver<ListCustomJobsResponse> response) {
    lists++;
    Map<String, String> wanted = new HashMap<>();
    Matcher m = LABEL_FILTER.matcher(request.getFilter());
    while (m.find()) {
      wanted.put(m.group(1), m.group(2));
    }
    ListCustomJobsResponse.Builder out = ListCustomJobsResponse.newBuilder();
    for (CustomJob j : jobs.values()) {
      if (j.getName().startsWith(request.getParent() + "/")
          && wanted.entrySet().stream()
              .allMatch(e -> e.getValue().equals(j.getLabelsMap().get(e.getKey())))) {
        out.addCustomJobs(j);
      }
    }
    response.onNext(out.build());
    response.onCompleted();
  }

  @Override
  public synchronized void cancelCustomJob(
      CancelCustomJobRequest request, StreamObserver<Empty> response) {
    if (!jobs.containsKey(request.getName())) {
      response.onError(Status.NOT_FOUND.withDescription(request.getName()).asRuntimeException());
      return;
    }
    cancelNow(request.getName());
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  private CustomJob advance(CustomJob job, int n) {
    if (n == 1) {
      return job.toBuilder().setState(JobState.JOB_STATE_PENDING).build();
    }
    if (n == 2) {
      return job.toBuilder().setState(JobState.JOB_STATE_RUNNING).setStartTime(now()).build();
    }
    if (n < 2 + runningGets) {
      return job;
    }
    Outcome outcome = outcomes.getOrDefault(job.getLabelsMap().get("trial_id"), defaultOutcome);
    CustomJob.Builder b =
        job.toBuilder()
            .setEndTime(Timestamp.newBuilder().setSeconds(job.getStartTime().getSeconds() + 42));
    switch (outcome) {
      case SUCCEED -> {
        writeMetrics(
            TrialJobs.modelDirectory(
                job.getJobSpec().getBaseOutputDirectory().getOutputUriPrefix()),
            job.getLabelsMap().get("trial_id"),
            flags(job.getJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgsList()));
        b.setState(JobState.JOB_STATE_SUCCEEDED);
      }
      case SUCCEED_WITHOUT_METRICS -> b.setState(JobState.JOB_STATE_SUCCEEDED);
      case FAIL ->
          b.setState(JobState.JOB_STATE_FAILED)
              .setError(com.google.rpc.Status.newBuilder().setCode(3).setMessage(FAILURE_TEXT));
      case CANCEL ->
          b.setState(JobState.JOB_STATE_CANCELLED)
              .setError(com.google.rpc.Status.newBuilder().setCode(1).setMessage("CANCELED"));
    }
    return b.build();
  }

  // ---- HyperparameterTuningJobs ----

  @Override
  public synchronized void createHyperparameterTuningJob(
      CreateHyperparameterTuningJobRequest request,
      StreamObserver<HyperparameterTuningJob> response) {
    creates++;
    tuningRequests.add(request);
    String name = request.getParent() + "/hyperparameterTuningJobs/" + nextId++;
    HyperparameterTuningJob job =
        request.getHyperparameterTuningJob().toBuilder()
            .setName(name)
            .setState(JobState.JOB_STATE_QUEUED)
            .setCreateTime(now())
            .build();
    tuningJobs.put(name, job);
    gets.put(name, 0);
    response.onNext(job);
    response.onCompleted();
  }

  @Override
  public synchronized void getHyperparameterTuningJob(
      GetHyperparameterTuningJobRequest request, StreamObserver<HyperparameterTuningJob> response) {
    if (tuningGetFailures > 0) {
      tuningGetFailures--;
      response.onError(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
      return;
    }
    HyperparameterTuningJob job = tuningJobs.get(request.getName());
    if (job == null) {
      response.onError(
          Status.NOT_FOUND
              .withDescription("HyperparameterTuningJob " + request.getName() + " does not exist")
              .asRuntimeException());
      return;
    }
    if (!terminal(job.getState())) {
      int n = gets.merge(request.getName(), 1, Integer::sum);
      if (n == 1) {
        job = job.toBuilder().setState(JobState.JOB_STATE_PENDING).build();
      } else if (n == 2) {
        job = job.toBuilder().setState(JobState.JOB_STATE_RUNNING).setStartTime(now()).build();
      } else if (n >= 2 + runningGets) {
        job = finishTuning(job);
      }
      tuningJobs.put(job.getName(), job);
    }
    response.onNext(job);
    response.onCompleted();
  }

  /** Runs the grid of categorical and discrete parameters, up to max_trial_count trials. */
  private HyperparameterTuningJob finishTuning(HyperparameterTuningJob job) {
    Outcome outcome = defaultOutcome;
    if (outcome == Outcome.FAIL) {
      return job.toBuilder()
          .setState(JobState.JOB_STATE_FAILED)
          .setError(com.google.rpc.Status.newBuilder().setCode(3).setMessage(FAILURE_TEXT))
          .build();
    }
    List<Map<String, Value>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (StudySpec.ParameterSpec p : job.getStudySpec().getParametersList()) {
      List<Value> values = new ArrayList<>();
      if (p.hasCategoricalValueSpec()) {
        p.getCategoricalValueSpec()
            .getValuesList()
            .forEach(v -> values.add(Value.newBuilder().setStringValue(v).build()));
      } else if (p.hasDiscreteValueSpec()) {
        p.getDiscreteValueSpec()
            .getValuesList()
            .forEach(v -> values.add(Value.newBuilder().setNumberValue(v).build()));
      } else if (p.hasIntegerValueSpec()) {
        values.add(
            Value.newBuilder().setNumberValue(p.getIntegerValueSpec().getMinValue()).build());
      } else {
        values.add(Value.newBuilder().setNumberValue(p.getDoubleValueSpec().getMinValue()).build());
      }
      List<Map<String, Value>> next = new ArrayList<>();
      for (Map<String, Value> point : points) {
        for (Value v : values) {
          Map<String, Value> e = new LinkedHashMap<>(point);
          e.put(p.getParameterId(), v);
          next.add(e);
        }
      }
      points = next;
    }
    HyperparameterTuningJob.Builder b =
        job.toBuilder().setState(JobState.JOB_STATE_SUCCEEDED).setEndTime(now());
    String base = job.getTrialJobSpec().getBaseOutputDirectory().getOutputUriPrefix();
    List<String> fixedArgs =
        job.getTrialJobSpec().getWorkerPoolSpecs(0).getContainerSpec().getArgsList();
    for (int i = 0; i < Math.min(points.size(), job.getMaxTrialCount()); i++) {
      String id = String.valueOf(i + 1);
      Map<String, String> flags = flags(fixedArgs);
      Trial.Builder t =
          Trial.newBuilder()
              .setId(id)
              .setName(job.getName() + "/trials/" + id)
              .setState(Trial.State.SUCCEEDED);
      points
          .get(i)
          .forEach(
              (k, v) -> {
                t.addParameters(Trial.Parameter.newBuilder().setParameterId(k).setValue(v));
                flags.put(
                    k.replace('_', '-'),
                    v.hasStringValue()
                        ? v.getStringValue()
                        : dev.tunebeam.transforms.space.ParameterValues.canonical(
                            v.getNumberValue()));
              });
      double acc = accuracy.applyAsDouble(flags);
      // One value per metric spec, as the built-in trainer reports them to hypertune.
      Measurement.Builder measured = Measurement.newBuilder().setStepCount(10);
      Map<String, Double> finalValues = new LinkedHashMap<>();
      finalValues.put(EpochRecord.VAL_ACCURACY, acc);
      finalValues.put(EpochRecord.TRAIN_SECONDS, trainSeconds(flags, 10));
      finalValues.put(EpochRecord.PARAM_COUNT, PARAM_COUNT);
      for (StudySpec.MetricSpec m : job.getStudySpec().getMetricsList()) {
        if (finalValues.containsKey(m.getMetricId())) {
          measured.addMetrics(
              Measurement.Metric.newBuilder()
                  .setMetricId(m.getMetricId())
                  .setValue(finalValues.get(m.getMetricId())));
        }
      }
      if (measured.getMetricsCount() == 0) {
        measured.addMetrics(
            Measurement.Metric.newBuilder().setMetricId("val_accuracy").setValue(acc));
      }
      t.setFinalMeasurement(measured);
      if (!tuningTrialsWithoutMetrics.contains(id)) {
        writeMetrics((base.endsWith("/") ? base : base + "/") + id + "/model/", id, flags);
      }
      b.addTrials(t);
    }
    return b.build();
  }

  // ---- helpers ----

  private void writeMetrics(String modelDir, String trialId, Map<String, String> flags) {
    double acc = accuracy.applyAsDouble(flags);
    int epochs = Integer.parseInt(flags.getOrDefault("num-epochs", "2"));
    List<EpochRecord> history = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      double held = acc - 0.02 / e + (e == epochs ? 0.02 / e : 0);
      history.add(
          new EpochRecord(
              e,
              30,
              28,
              new java.util.TreeMap<>(
                  Map.of(
                      EpochRecord.TRAIN_LOSS,
                      0.3 + 1.0 / e,
                      EpochRecord.TRAIN_ACCURACY,
                      acc - 0.01 / e,
                      EpochRecord.VAL_ACCURACY,
                      held,
                      EpochRecord.TEST_ACCURACY,
                      held,
                      EpochRecord.TRAIN_SECONDS,
                      trainSeconds(flags, e),
                      EpochRecord.PARAM_COUNT,
                      PARAM_COUNT))));
    }
    MetricsReport report =
        new MetricsReport(
            trialId, null, history, 30.0 * epochs, 30.0 * epochs, "gpu:0", 1, Map.of(), null);
    GcsPath metrics = GcsPath.parse(modelDir).resolve(MetricsJson.FILE_NAME);
    storage
        .create()
        .create(
            BlobInfo.newBuilder(BlobId.of(metrics.bucket(), metrics.object())).build(),
            MetricsJson.write(report));
  }

  /** LeNet-5's parameter count, as the built-in trainer reports it. */
  static final double PARAM_COUNT = dev.tunebeam.trainer.model.LeNetLayout.SIZE;

  /**
   * Training seconds after {@code epochs} epochs as the built-in trainer reports them: 28 s an
   * epoch for sgd at batch size 64, more for smaller batches (more steps), and more for the
   * optimizers that keep more state per weight, so accuracy trades against time.
   */
  static double trainSeconds(Map<String, String> flags, int epochs) {
    double batch = Double.parseDouble(flags.getOrDefault("batch-size", "64"));
    double optimizer =
        switch (flags.getOrDefault("optimizer", "adam")) {
          case "adam" -> 1.3;
          case "rmsprop" -> 1.2;
          default -> 1.0;
        };
    return epochs * 28.0 * optimizer * Math.sqrt(64 / batch);
  }

  /** {@code --name value} pairs as a map keyed by name with '-' (the trainer's spelling). */
  static Map<String, String> flags(List<String> args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      flags.put(args.get(i).substring(2).replace('_', '-'), args.get(i + 1));
    }
    return flags;
  }

  static double defaultAccuracy(Map<String, String> flags) {
    double acc = 0.80;
    acc += Double.parseDouble(flags.getOrDefault("batch-size", "64")) / 10_000;
    acc +=
        switch (flags.getOrDefault("optimizer", "adam")) {
          case "adam" -> 0.05;
          case "rmsprop" -> 0.04;
          default -> 0.02;
        };
    acc +=
        switch (flags.getOrDefault("activation", "relu")) {
          case "relu" -> 0.006;
          case "leakyrelu" -> 0.003;
          default -> 0.0;
        };
    return acc;
  }

  private static String describe(Status.Code code) {
    return switch (code) {
      case RESOURCE_EXHAUSTED ->
          "The following quota metrics exceed quota limits: aiplatform.googleapis.com/custom_model_training_cpus";
      case PERMISSION_DENIED ->
          "Permission 'aiplatform.customJobs.create' denied on resource '//aiplatform.googleapis.com/projects/test-project/locations/us-central1' (or it may not exist).";
      case UNAVAILABLE -> "The service is currently unavailable.";
      case INVALID_ARGUMENT ->
          "List of found errors: 1.Field: custom_job.job_spec.worker_pool_specs[0].machine_spec.machine_type; Message: Machine type is not supported.";
      case NOT_FOUND -> "Image not found";
      default -> code.name();
    };
  }

  private void recordInFlight() {
    long n = jobs.values().stream().filter(j -> !terminal(j.getState())).count();
    maxInFlight = (int) Math.max(maxInFlight, n);
  }

  private static boolean terminal(JobState s) {
    return s == JobState.JOB_STATE_SUCCEEDED
        || s == JobState.JOB_STATE_FAILED
        || s == JobState.JOB_STATE_CANCELLED;
  }

  private static Timestamp now() {
    return Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000).build();
  }
}
