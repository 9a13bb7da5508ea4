package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parameter named like a results column (status, rank) would give results.csv two columns of that
 * name (issue 25): the space refuses those names, and the list it refuses is the leaderboard's own.
 */
class ReservedColumnNamesTest {
  @Test
  void everyFixedColumnOfTheTableIsAReservedName() {
    Leaderboard board =
        Leaderboard.rank(
            List.of(Results.ok("relu", 0.5, 0.6), Results.failed("tanh", "x")), Objective.DEFAULT);
    List<String> fixed = new ArrayList<>(LeaderboardColumns.header(board));
    fixed.removeAll(board.parameterNames());
    fixed.removeAll(LeaderboardColumns.objectiveColumns(board.objectives()));
    for (String column : fixed) {
      assertTrue(SearchSpace.RESERVED_NAMES.contains(column), column + " is not reserved");
    }
    assertTrue(SearchSpace.RESERVED_NAMES.containsAll(List.of("status", "rank")));
  }

  @Test
  void aParameterNamedStatusIsRefusedWithOneSentence() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.builder("s")
                    .passThrough("status")
                    .categorical("status", "a", "b")
                    .build());
    assertEquals(
        "parameter name status is a column of the results table, which would then have two"
            + " columns named status; rename the parameter (e.g. status_value, and the trainer's"
            + " flag with it)",
        e.getMessage());
  }
}
