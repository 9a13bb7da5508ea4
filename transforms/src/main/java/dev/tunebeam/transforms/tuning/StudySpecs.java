package dev.tunebeam.transforms.tuning;

import com.google.cloud.aiplatform.v1.StudySpec;
import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A {@link SearchSpace} as a Vertex AI {@link StudySpec}: the same file drives a tunebeam pipeline
 * and a Vertex hyperparameter-tuning job. Categorical and discrete parameters map one to one;
 * ranges keep their scale for random and Bayesian search, and become their grid points for grid
 * search (Vertex's grid search takes no continuous range).
 */
@Internal
public final class StudySpecs {
  private StudySpecs() {}

  /** With the default objective, the built-in trainer's validation accuracy, maximised. */
  public static StudySpec of(SearchSpace space, TuningAlgorithm algorithm) {
    return of(space, algorithm, Objective.DEFAULT);
  }

  /**
   * The objective is the study's {@code MetricSpec}: the metric the trainer reports to hypertune,
   * and its goal.
   */
  public static StudySpec of(SearchSpace space, TuningAlgorithm algorithm, Objective objective) {
    return of(space, algorithm, objective, EarlyStopping.NONE);
  }

  /**
   * Also sets Vizier's automated stopping and which measurement of a trial counts (the objective's
   * best or last), and nests conditional parameters under their parents.
   */
  public static StudySpec of(
      SearchSpace space, TuningAlgorithm algorithm, Objective objective, EarlyStopping stopping) {
    return of(space, algorithm, Objectives.of(objective), stopping);
  }

  /**
   * One {@code MetricSpec} per objective (Vizier then searches for the Pareto front); the
   * measurement selection is the first objective's, as every objective is read at one epoch.
   */
  public static StudySpec of(
      SearchSpace space, TuningAlgorithm algorithm, Objectives objectives, EarlyStopping stopping) {
    StudySpec.Builder spec = StudySpec.newBuilder();
    for (Objective objective : objectives.all()) {
      spec.addMetrics(
          StudySpec.MetricSpec.newBuilder()
              .setMetricId(objective.metric())
              .setGoal(
                  objective.maximize()
                      ? StudySpec.MetricSpec.GoalType.MAXIMIZE
                      : StudySpec.MetricSpec.GoalType.MINIMIZE));
    }
    spec.setAlgorithm(algorithm.vertex())
        .setMeasurementSelectionType(
            objectives.primary().measurement() == Objective.Measurement.LAST
                ? StudySpec.MeasurementSelectionType.LAST_MEASUREMENT
                : StudySpec.MeasurementSelectionType.BEST_MEASUREMENT);
    stopping.apply(spec);
    spec.addAllParameters(ConditionalSpecs.of(space, p -> parameter(p, algorithm)));
    return spec.build();
  }

  static StudySpec.ParameterSpec parameter(ParameterSpec p, TuningAlgorithm algorithm) {
    StudySpec.ParameterSpec.Builder b =
        StudySpec.ParameterSpec.newBuilder().setParameterId(p.name());
    if (p instanceof ParameterSpec.Categorical c) {
      b.setCategoricalValueSpec(
          StudySpec.ParameterSpec.CategoricalValueSpec.newBuilder().addAllValues(c.values()));
    } else if (p instanceof ParameterSpec.Discrete d) {
      b.setDiscreteValueSpec(
          StudySpec.ParameterSpec.DiscreteValueSpec.newBuilder().addAllValues(d.values()));
    } else if (algorithm == TuningAlgorithm.GRID) {
      gridPoints(p, b);
    } else if (p instanceof ParameterSpec.IntegerRange r) {
      b.setIntegerValueSpec(
              StudySpec.ParameterSpec.IntegerValueSpec.newBuilder()
                  .setMinValue(r.min())
                  .setMaxValue(r.max()))
          .setScaleType(scale(r.scale()));
    } else if (p instanceof ParameterSpec.DoubleRange r) {
      b.setDoubleValueSpec(
              StudySpec.ParameterSpec.DoubleValueSpec.newBuilder()
                  .setMinValue(r.min())
                  .setMaxValue(r.max()))
          .setScaleType(scale(r.scale()));
    }
    return b.build();
  }

  /**
   * A range under grid search: its grid points as a discrete parameter, or every integer when no
   * steps are given.
   */
  private static void gridPoints(ParameterSpec p, StudySpec.ParameterSpec.Builder b) {
    Integer steps =
        p instanceof ParameterSpec.IntegerRange r
            ? r.steps()
            : ((ParameterSpec.DoubleRange) p).steps();
    if (steps == null) {
      if (p instanceof ParameterSpec.IntegerRange r) {
        b.setIntegerValueSpec(
            StudySpec.ParameterSpec.IntegerValueSpec.newBuilder()
                .setMinValue(r.min())
                .setMaxValue(r.max()));
        return;
      }
      throw new IllegalArgumentException(
          "parameter "
              + p.name()
              + " is a double range without steps; grid search needs steps: N "
              + "(grid points), or use --search-algorithm random or bayesian");
    }
    b.setDiscreteValueSpec(
        StudySpec.ParameterSpec.DiscreteValueSpec.newBuilder()
            .addAllValues(p.gridValues().stream().map(Double::valueOf).toList()));
  }

  private static StudySpec.ParameterSpec.ScaleType scale(Scale s) {
    return s == Scale.LOG
        ? StudySpec.ParameterSpec.ScaleType.UNIT_LOG_SCALE
        : StudySpec.ParameterSpec.ScaleType.UNIT_LINEAR_SCALE;
  }
}
