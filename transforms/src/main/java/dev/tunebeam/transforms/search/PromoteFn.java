package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The barrier between two rungs: given every result of a rung (one list, so it runs only once the
 * whole rung is done), ranks them on the objective as of the rung's epoch, ties by trial id, and
 * sends the best {@code keep} on to the next rung's epochs. The others leave the schedule: a
 * succeeded trial as a STOPPED row with its curve so far, a failed or skipped one as it is.
 */
final class PromoteFn extends DoFn<List<TrialResult>, Trial> {
  private final Rung rung;
  private final Rung next;
  private final Objectives objectives;
  private final TupleTag<Trial> promoted;
  private final TupleTag<TrialResult> left;

  PromoteFn(
      Rung rung,
      Rung next,
      Objectives objectives,
      TupleTag<Trial> promoted,
      TupleTag<TrialResult> left) {
    this.rung = rung;
    this.next = next;
    this.objectives = objectives;
    this.promoted = promoted;
    this.left = left;
  }

  @ProcessElement
  public void process(@Element List<TrialResult> results, MultiOutputReceiver out) {
    Split split = split(results, rung.epochs(), next.trials(), objectives);
    split.left().forEach(r -> out.get(left).output(r));
    split.promoted().forEach(t -> out.get(promoted).output(RungResults.atEpochs(t, next.epochs())));
  }

  /** A rung's results as the rows that leave the schedule here and the trials promoted. */
  static Split split(List<TrialResult> results, int epochs, int keep, Objective objective) {
    return split(results, epochs, keep, Objectives.of(objective));
  }

  /**
   * With several objectives the rung is ranked by non-dominated front, then crowding distance, as
   * NSGA-II selects survivors.
   */
  static Split split(List<TrialResult> results, int epochs, int keep, Objectives objectives) {
    List<TrialResult> ranked = new ArrayList<>();
    results.forEach(r -> ranked.add(RungResults.upTo(r, epochs, objectives)));
    ranked.sort(RungResults.rankOrder(objectives, ranked));
    List<TrialResult> leave = new ArrayList<>();
    List<Trial> up = new ArrayList<>();
    for (TrialResult r : ranked) {
      if (up.size() < keep && RungResults.rankable(r)) {
        up.add(r.trial());
      } else {
        leave.add(r.succeeded() ? RungResults.stopped(r) : r);
      }
    }
    return new Split(leave, up);
  }

  record Split(List<TrialResult> left, List<Trial> promoted) {}
}
