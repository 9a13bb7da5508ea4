package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.space.AlgorithmSettings;
import org.apache.beam.sdk.annotations.Internal;

/**
 * The keys of an algorithm that proposes in rounds ({@link RoundsSearch}): {@code trials} (the
 * total) and {@code batch} (points proposed per round).
 */
@Internal
public interface RoundsSettings extends AlgorithmSettings {
  int trials();

  int batch();

  /** Refuses bad keys in the words of the space file, for algorithm {@code key}. */
  static void check(String key, int trials, int batch) {
    if (trials < 1) {
      throw new IllegalArgumentException(
          "algorithm "
              + key
              + " needs trials (the total number of trials) of at least 1, got "
              + trials);
    }
    if (batch < 1) {
      throw new IllegalArgumentException(
          "algorithm "
              + key
              + " needs batch (trials proposed per round) of at least 1, got "
              + batch);
    }
    if (batch > trials) {
      throw new IllegalArgumentException(
          "batch "
              + batch
              + " is more than trials "
              + trials
              + "; a "
              + key
              + " round proposes at most all the trials");
    }
  }
}
