package dev.tunebeam.transforms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.transforms.search.gp.GpSettings;
import dev.tunebeam.transforms.search.tpe.TpeSettings;
import dev.tunebeam.transforms.space.AlgorithmSettings;
import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code tpe} with {@code trials: 12} over a space of 4 points planned 12 and ran 4, and nothing
 * said why (issue 25): a sampler's trials are capped at the space's distinct points, and the space
 * says so in one sentence that the banner and the dry run print.
 */
class SmallSpaceTrialsTest {
  private static SearchSpace fourPoints(AlgorithmSettings algorithm) {
    return SearchSpace.builder("four")
        .categorical("optimizer", "sgd", "adam")
        .categorical("activation", "relu", "tanh")
        .algorithm(algorithm)
        .seed(3)
        .fixed("num_epochs", "1")
        .build();
  }

  @Test
  void tpeOverFourPointsPlansFourAndSaysWhy() {
    SearchSpace space = fourPoints(new TpeSettings(12, 4));
    assertEquals(4, space.size());
    assertEquals(4, Schedule.of(space).trials());
    assertEquals(
        Optional.of(
            "algorithm tpe asks for 12 trials, but search space four has only 4 distinct points"
                + " and a point is never trained twice, so 4 trials are planned"),
        space.plannedFewer());
  }

  @Test
  void gpAndRandomAreCappedAlike() {
    assertEquals(4, fourPoints(new GpSettings(12, 2)).size());
    SearchSpace random =
        SearchSpace.builder("four")
            .categorical("optimizer", "sgd", "adam")
            .integerRange("batch_size", 32, 33, Scale.LINEAR, null)
            .random(9, 1)
            .build();
    assertEquals(4, random.size());
    assertEquals(4, random.trials(100).size());
    assertEquals(true, random.plannedFewer().isPresent());
  }

  @Test
  void aSpaceWithRoomPlansWhatWasAskedAndSaysNothing() {
    SearchSpace space =
        SearchSpace.builder("wide")
            .categorical("optimizer", "sgd", "adam")
            .doubleRange("learning_rate", 0.001, 0.1, Scale.LOG, null)
            .algorithm(new TpeSettings(12, 4))
            .build();
    assertEquals(12, space.size());
    assertEquals(Optional.empty(), space.plannedFewer());
  }
}
