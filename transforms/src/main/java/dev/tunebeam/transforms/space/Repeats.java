package dev.tunebeam.transforms.space;

import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code repeats: N}: each point of a space trained with N seeds, seed, seed+1, ..., so a
 * leaderboard can rank points by their mean and show the spread. The base seed is the space's fixed
 * {@code seed}, else the trainer's default (42). Each repeat is its own trial (its seed is one of
 * its parameters, so its id differs).
 */
final class Repeats {
  public static final String SEED = "seed";

  private Repeats() {}

  static void check(int repeats, List<ParameterSpec> parameters) {
    if (repeats < 1) {
      throw new IllegalArgumentException(
          "repeats " + repeats + " is not allowed; use 1 (each point once) or more");
    }
    if (repeats > 1 && parameters.stream().anyMatch(p -> p.name().equals(SEED))) {
      throw new IllegalArgumentException(
          "repeats "
              + repeats
              + " sets each trial's seed; seed cannot also be searched (fix it to "
              + "choose the first seed)");
    }
  }

  static List<Trial> expand(List<Trial> points, int repeats, String study) {
    if (repeats == 1) {
      return points;
    }
    List<Trial> all = new ArrayList<>();
    for (Trial point : points) {
      long base =
          point.get(SEED) == null ? TrainingConfig.DEFAULT_SEED : Long.parseLong(point.get(SEED));
      for (int r = 0; r < repeats; r++) {
        Map<String, String> params = new LinkedHashMap<>(point.parameters());
        params.put(SEED, Long.toString(base + r));
        all.add(Trial.of(study, params));
      }
    }
    return all;
  }
}
