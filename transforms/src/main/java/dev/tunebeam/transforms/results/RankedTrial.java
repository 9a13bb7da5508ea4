package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.List;

/** A trial the charts draw, with its place on the leaderboard. */
record RankedTrial(int rank, TrialResult result) {
  /** Succeeded trials whose objective is a number, best first; failed and skipped ones stay in the table only. */
  static List<RankedTrial> plotted(Leaderboard board) {
    List<RankedTrial> plotted = new ArrayList<>();
    for (int i = 0; i < board.ranked().size(); i++) {
      TrialResult r = board.ranked().get(i);
      if (r.succeeded() && Double.isFinite(board.objective().of(r))) {
        plotted.add(new RankedTrial(i + 1, r));
      }
    }
    return plotted;
  }

  String id() {
    return result.trial().id();
  }

  /** What a hover shows: rank, id, parameters and the objective. */
  String tooltip(Objective objective) {
    return "#" + rank + " " + id() + "\n" + result.trial().describe() + "\n" + ObjectiveLabel.of(objective) + ": "
        + Html.number(objective.of(result));
  }
}
