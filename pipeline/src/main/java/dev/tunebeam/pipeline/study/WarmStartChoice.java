package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.WarmStartBlock;
import dev.tunebeam.transforms.space.WarmStartReader;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.warm.WarmStart;

/**
 * The run's warm start: the {@code warm_start:} block of the {@code --searchSpace} file, its
 * earlier studies read and checked against the space and the run's objectives (flags included), all
 * before anything is written. Errors name the file and the block's field.
 */
public final class WarmStartChoice {
  private WarmStartChoice() {}

  public static WarmStart of(SearchOptions o, SearchSpace space, Objectives objectives) {
    if (o.getSearchSpace().isBlank()) {
      return WarmStart.NONE;
    }
    String source = o.getSearchSpace();
    WarmStartBlock block =
        WarmStartReader.read(source, SearchSpaceFile.read("--searchSpace", source));
    try {
      return WarmStart.load(space, objectives, block);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }
}
