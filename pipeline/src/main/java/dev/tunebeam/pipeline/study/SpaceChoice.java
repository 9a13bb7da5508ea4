package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;

/**
 * The search space a run uses: the file named by {@code --searchSpace} (or the reference study)
 * with the run's overrides applied.
 */
public final class SpaceChoice {
  private SpaceChoice() {}

  public static SearchSpace resolve(SearchOptions o) {
    SearchSpace space =
        o.getSearchSpace().isBlank()
            ? SearchSpace.referenceStudy()
            : SearchSpaceLoader.parse(
                o.getSearchSpace(),
                read("--searchSpace", o.getSearchSpace()),
                TrainerChoice.commandFlag(o) || TrainerChoice.trainable(o).isPresent());
    if (o.getEpochs() < 0) {
      throw new IllegalArgumentException(
          "--epochs "
              + o.getEpochs()
              + " is negative; use 0 to keep the search space's num_epochs, or a positive count");
    }
    if (o.getEpochs() > 0) {
      space = space.withFixed("num_epochs", String.valueOf(o.getEpochs()));
    }
    if (o.getTrainSamples() < 0 || o.getTestSamples() < 0) {
      throw new IllegalArgumentException(
          "--trainSamples and --testSamples must be 0 (all) or positive, got "
              + o.getTrainSamples()
              + " and "
              + o.getTestSamples());
    }
    if (o.getTrainSamples() > 0) {
      space = space.withFixed("train_samples", String.valueOf(o.getTrainSamples()));
    }
    if (o.getTestSamples() > 0) {
      space = space.withFixed("test_samples", String.valueOf(o.getTestSamples()));
    }
    if (o.getValidationSamples() >= 0) {
      space = space.withFixed("validation_samples", String.valueOf(o.getValidationSamples()));
    } else if (o.getValidationSamples() != -1) {
      throw new IllegalArgumentException(
          "--validationSamples "
              + o.getValidationSamples()
              + " is negative; use -1 to keep the search space's, 0 for no validation split, or a count");
    }
    if (o.getRepeats() > 0) {
      space = space.withRepeats(o.getRepeats());
    } else if (o.getRepeats() < 0) {
      throw new IllegalArgumentException(
          "--repeats "
              + o.getRepeats()
              + " is negative; use 0 to keep the search space's, or a count >= 1");
    }
    if (o.getSeed() >= 0) {
      space = space.withFixed("seed", String.valueOf(o.getSeed()));
    } else if (o.getSeed() != -1) {
      throw new IllegalArgumentException(
          "--seed "
              + o.getSeed()
              + " is negative; use -1 to keep the search space's seed, or a seed >= 0");
    }
    // A schedule that cannot run (min_epochs above num_epochs, an empty rung) is refused before
    // anything is written.
    dev.tunebeam.transforms.search.Schedule.of(space);
    return space;
  }

  /**
   * A search-space file through Beam FileSystems (local or gs://), bounded; errors name {@code
   * flag}.
   */
  public static byte[] read(String flag, String location) {
    return SearchSpaceFile.read(flag, location);
  }
}
