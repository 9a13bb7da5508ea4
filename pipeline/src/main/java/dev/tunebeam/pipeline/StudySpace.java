package dev.tunebeam.pipeline;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import org.apache.beam.sdk.io.FileSystems;

/** The search space a run uses: the file named by {@code --searchSpace} (or the reference study) with the run's overrides applied. */
final class StudySpace {
  private StudySpace() {}

  static SearchSpace resolve(GridSearchOptions o) {
    SearchSpace space = o.getSearchSpace().isBlank() ? SearchSpace.referenceStudy()
        : SearchSpaceLoader.parse(o.getSearchSpace(), read("--searchSpace", o.getSearchSpace()));
    if (o.getEpochs() < 0) {
      throw new IllegalArgumentException("--epochs " + o.getEpochs() + " is negative; use 0 to keep the search space's num_epochs, or a positive count");
    }
    if (o.getEpochs() > 0) {
      space = space.withFixed("num_epochs", String.valueOf(o.getEpochs()));
    }
    if (o.getTrainSamples() < 0 || o.getTestSamples() < 0) {
      throw new IllegalArgumentException("--trainSamples and --testSamples must be 0 (all) or positive, got " + o.getTrainSamples() + " and " + o.getTestSamples());
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
      throw new IllegalArgumentException("--validationSamples " + o.getValidationSamples()
          + " is negative; use -1 to keep the search space's, 0 for no validation split, or a count");
    }
    if (o.getRepeats() > 0) {
      space = space.withRepeats(o.getRepeats());
    } else if (o.getRepeats() < 0) {
      throw new IllegalArgumentException("--repeats " + o.getRepeats() + " is negative; use 0 to keep the search space's, or a count >= 1");
    }
    if (o.getSeed() >= 0) {
      space = space.withFixed("seed", String.valueOf(o.getSeed()));
    } else if (o.getSeed() != -1) {
      throw new IllegalArgumentException("--seed " + o.getSeed() + " is negative; use -1 to keep the search space's seed, or a seed >= 0");
    }
    return space;
  }

  /** A search-space file through Beam FileSystems (local or gs://); errors name {@code flag}. */
  static byte[] read(String flag, String location) {
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchSingleFileSpec(location).resourceId()))) {
      return in.readAllBytes();
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw new IllegalArgumentException(flag + " " + location + " does not exist; pass a YAML or JSON search-space file");
    } catch (IOException e) {
      throw new IllegalArgumentException(flag + " " + location + " cannot be read: " + e.getMessage());
    }
  }
}
