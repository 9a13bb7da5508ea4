package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.search.stopping.StoppingPlan;
import dev.tunebeam.transforms.search.stopping.StoppingRules;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A stopping stage's barrier: given every result of the stage (one list), asks the rule which
 * succeeded trials stop at the stage's epoch ({@link StoppingRules#stops}, on each trial's value
 * there) and sends the rest on to the next stage's epochs. A stopped trial leaves as a STOPPED row
 * judged on its curve up to that epoch; a failed or skipped one leaves as it is.
 */
final class StopFn extends DoFn<List<TrialResult>, Trial> {
  private final StoppingPlan plan;
  private final Objectives objectives;
  private final int epochs;
  private final int nextEpochs;
  private final TupleTag<Trial> going;
  private final TupleTag<TrialResult> left;

  StopFn(
      StoppingPlan plan,
      Objectives objectives,
      int epochs,
      int nextEpochs,
      TupleTag<Trial> going,
      TupleTag<TrialResult> left) {
    this.plan = plan;
    this.objectives = objectives;
    this.epochs = epochs;
    this.nextEpochs = nextEpochs;
    this.going = going;
    this.left = left;
  }

  @ProcessElement
  public void process(@Element List<TrialResult> results, MultiOutputReceiver out) {
    PromoteFn.Split split = split(results, plan, objectives, epochs);
    split.left().forEach(r -> out.get(left).output(r));
    split.promoted().forEach(t -> out.get(going).output(RungResults.atEpochs(t, nextEpochs)));
  }

  /** A stage's results as the rows that leave the study here and the trials that go on. */
  static PromoteFn.Split split(
      List<TrialResult> results, StoppingPlan plan, Objectives objectives, int epochs) {
    List<TrialResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(r -> r.trial().id()));
    Map<String, Double> values = new TreeMap<>();
    for (TrialResult r : sorted) {
      if (r.succeeded()) {
        values.put(r.trial().id(), StoppingRules.valueAt(plan.objective(), r.history(), epochs));
      }
    }
    Set<String> stop = StoppingRules.stops(plan.rule(), plan.objective(), epochs, values);
    List<TrialResult> leave = new ArrayList<>();
    List<Trial> on = new ArrayList<>();
    for (TrialResult r : sorted) {
      if (!r.succeeded()) {
        leave.add(objectives.evaluate(r));
      } else if (stop.contains(r.trial().id())) {
        TrialResult judged = RungResults.upTo(r, epochs, objectives);
        leave.add(judged.succeeded() ? RungResults.stopped(judged) : judged);
      } else {
        on.add(r.trial());
      }
    }
    return new PromoteFn.Split(leave, on);
  }
}
