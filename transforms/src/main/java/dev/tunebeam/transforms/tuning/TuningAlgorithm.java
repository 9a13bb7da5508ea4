package dev.tunebeam.transforms.tuning;

import com.google.cloud.aiplatform.v1.StudySpec;
import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Vertex AI's search algorithms as the reference launcher names them; {@code bayesian} is Vizier's
 * default.
 */
@Internal
public enum TuningAlgorithm {
  GRID(StudySpec.Algorithm.GRID_SEARCH),
  RANDOM(StudySpec.Algorithm.RANDOM_SEARCH),
  BAYESIAN(StudySpec.Algorithm.ALGORITHM_UNSPECIFIED);

  private final StudySpec.Algorithm vertex;

  TuningAlgorithm(StudySpec.Algorithm vertex) {
    this.vertex = vertex;
  }

  public StudySpec.Algorithm vertex() {
    return vertex;
  }

  /** What a value that names no algorithm is, in a refusal. */
  public static final String NOT_ONE = "is not a search algorithm";

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TuningAlgorithm parse(String field, String value) {
    return EnumChoice.parse(TuningAlgorithm.class, field, value, NOT_ONE);
  }
}
