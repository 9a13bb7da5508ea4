package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.results.ToList;
import dev.tunebeam.transforms.search.stopping.StoppingPlan;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * One stage of a schedule (a grid, a random study, a TPE or GP round) laid out as stopping stages:
 * its trials train to the plan's first epoch, their results are gathered (the barrier), {@link
 * StopFn} stops some, the rest continue from their checkpoints to the next epoch, and so on to
 * num_epochs. Each trial keeps its id, so its folder, checkpoint and earlier results carry over and
 * a rerun reuses every stage already trained.
 */
final class StoppingStages {
  private StoppingStages() {}

  /**
   * The stage's rows: STOPPED, FAILED and SKIPPED ones from each barrier, then the last stage's.
   */
  static PCollectionList<TrialResult> expand(
      String prefix,
      Rung stage,
      PCollection<Trial> trials,
      StoppingPlan plan,
      Objectives objectives,
      RungRunner runner) {
    List<Integer> epochs = plan.epochs();
    PCollectionList<TrialResult> out = PCollectionList.empty(trials.getPipeline());
    PCollection<Trial> current =
        trials
            .apply(prefix + "ToEpoch" + epochs.get(0), ParDo.of(new AtEpochsFn(epochs.get(0))))
            .setCoder(SerializableCoder.of(Trial.class));
    int from = 0;
    for (int i = 0; i < epochs.size(); i++) {
      int e = epochs.get(i);
      String name = prefix + "Epoch" + e;
      Rung rung = new Rung(stage.bracket(), i, e, from, stage.trials());
      PCollection<TrialResult> results = current.apply(name + "Train", runner.forRung(rung));
      if (i == epochs.size() - 1) {
        return out.and(results);
      }
      TupleTag<Trial> going = new TupleTag<>() {};
      TupleTag<TrialResult> left = new TupleTag<>() {};
      PCollectionTuple split =
          results
              .apply(name + "Gather", Combine.globally(ToList.<TrialResult>of()))
              .apply(
                  name + "Stop",
                  ParDo.of(new StopFn(plan, objectives, e, epochs.get(i + 1), going, left))
                      .withOutputTags(going, TupleTagList.of(left)));
      out = out.and(split.get(left));
      current = split.get(going);
      from = e;
    }
    return out;
  }

  /** The trial to train to the first stopping stage's epochs, under its own id. */
  static final class AtEpochsFn extends DoFn<Trial, Trial> {
    private final int epochs;

    AtEpochsFn(int epochs) {
      this.epochs = epochs;
    }

    @ProcessElement
    public void process(@Element Trial t, OutputReceiver<Trial> out) {
      out.output(RungResults.atEpochs(t, epochs));
    }
  }
}
