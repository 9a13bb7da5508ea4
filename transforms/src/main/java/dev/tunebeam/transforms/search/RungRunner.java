package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * What trains a rung's trials: each trial arrives with {@code num_epochs} set to the rung's epochs
 * and the id of its first rung, so its folder and checkpoint carry over and a trainer that
 * warm-starts continues where the previous rung stopped. Called once per rung while the pipeline is
 * built; a backend that needs the rung (a Vertex job per trial and rung) reads it here.
 */
@FunctionalInterface
@Internal
public interface RungRunner {
  PTransform<PCollection<Trial>, PCollection<TrialResult>> forRung(Rung rung);

  /** The same transform for every rung (local training: the trial folder carries the rung). */
  static RungRunner always(PTransform<PCollection<Trial>, PCollection<TrialResult>> transform) {
    return rung -> transform;
  }
}
