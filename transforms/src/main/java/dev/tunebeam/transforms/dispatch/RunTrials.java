package dev.tunebeam.transforms.dispatch;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.exec.ExecuteTrials;
import dev.tunebeam.transforms.exec.TrialExecutor;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Runs each trial on the backend its {@link BackendRule} picks and gathers all results into one
 * collection, so local and Vertex trials meet in one leaderboard (each result names its backend).
 *
 * <pre>{@code
 * PCollection<TrialResult> results = trials.apply(RunTrials.by(BackendRule.parse("batch_size>=128 -> vertex"))
 *     .withLocal(TrainLocally.to(output))
 *     .withVertex(SubmitToVertex.to(project, region).withContainerUri(image).withOutputPrefix(prefix)));
 * }</pre>
 *
 * A rule that sends everything to one backend applies that backend's transform directly.
 */
@AutoValue
public abstract class RunTrials extends PTransform<PCollection<Trial>, PCollection<TrialResult>> {
  private static final long serialVersionUID = 1L;

  public abstract BackendRule rule();

  /** The transform each backend's trials go through; only the backends the rule uses need one. */
  public abstract Map<Backend, PTransform<PCollection<Trial>, PCollection<TrialResult>>> backends();

  public static RunTrials by(BackendRule rule) {
    if (rule == null) {
      throw new IllegalArgumentException(
          "rule is missing; use BackendRule.all(Backend.LOCAL) or BackendRule.parse(\"batch_size>=128 -> vertex; else -> local\")");
    }
    return new AutoValue_RunTrials(rule, Map.of());
  }

  public RunTrials withLocal(PTransform<PCollection<Trial>, PCollection<TrialResult>> local) {
    return with(Backend.LOCAL, local);
  }

  public RunTrials withVertex(PTransform<PCollection<Trial>, PCollection<TrialResult>> vertex) {
    return with(Backend.VERTEX, vertex);
  }

  /**
   * Trials the rule sends to {@code backend} run through {@code executor} ({@link ExecuteTrials} in
   * the study's {@code run}): a new place to run trials is one {@link TrialExecutor} and this call.
   */
  public RunTrials with(Backend backend, TrialExecutor executor, StudyRun run) {
    if (!backend.key().equals(executor.backend())) {
      throw new IllegalArgumentException(
          "executor for backend '"
              + executor.backend()
              + "' given for backend '"
              + backend.key()
              + "'; its results would carry the wrong backend");
    }
    return with(backend, ExecuteTrials.on(executor).withRun(run));
  }

  public RunTrials with(
      Backend backend, PTransform<PCollection<Trial>, PCollection<TrialResult>> transform) {
    Map<Backend, PTransform<PCollection<Trial>, PCollection<TrialResult>>> copy =
        new LinkedHashMap<>();
    copy.putAll(backends());
    copy.put(
        Objects.requireNonNull(backend, "backend"), Objects.requireNonNull(transform, "transform"));
    return new AutoValue_RunTrials(rule(), Collections.unmodifiableMap(copy));
  }

  @Override
  public PCollection<TrialResult> expand(PCollection<Trial> trials) {
    BackendRule rule = rule();
    Map<Backend, PTransform<PCollection<Trial>, PCollection<TrialResult>>> backends = backends();
    Set<Backend> targets = rule.targets();
    for (Backend b : targets) {
      if (!backends.containsKey(b)) {
        throw new IllegalArgumentException(
            "backend rule '"
                + rule
                + "' sends trials to "
                + b.key()
                + ", but RunTrials has no "
                + b.key()
                + " transform; add it with "
                + (b == Backend.LOCAL
                    ? "withLocal(...)"
                    : b == Backend.VERTEX
                        ? "withVertex(...)"
                        : "with(Backend.of(\"" + b.key() + "\"), executor, run)"));
      }
    }
    if (targets.size() == 1) {
      Backend only = targets.iterator().next();
      return trials.apply(name(only), backends.get(only));
    }
    PCollectionList<Trial> routed = trials.apply("Route", RouteTrials.by(rule));
    PCollectionList<TrialResult> results = PCollectionList.empty(trials.getPipeline());
    for (Backend b : targets) {
      results = results.and(RouteTrials.of(routed, b).apply(name(b), backends.get(b)));
    }
    return results.apply("AllResults", Flatten.pCollections());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("rule", rule().toString()));
  }

  /** Step names: {@code Local}, {@code Vertex}, {@code Gpu-pool}. */
  private static String name(Backend b) {
    return Character.toUpperCase(b.key().charAt(0)) + b.key().substring(1);
  }
}
