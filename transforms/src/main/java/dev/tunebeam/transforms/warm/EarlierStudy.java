package dev.tunebeam.transforms.warm;

import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialResult;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A finished study as its {@code results.json} holds it: where it was read ({@code source}), its
 * name, the objectives it ranked by, and every trial's row (trial with the earlier study's id,
 * status, per-epoch history, not yet judged).
 */
@Internal
public record EarlierStudy(
    String source, String study, Objectives objectives, List<TrialResult> results)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public EarlierStudy {
    results = List.copyOf(results);
  }
}
