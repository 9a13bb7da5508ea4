package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.results.TrialResult;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.Trial;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * One TPE round: reads every earlier round's results (a side input, so the round waits for them)
 * and emits its proposals.
 */
final class ProposeFn extends DoFn<Integer, Trial> {
  private final SearchSpace space;
  private final Objective objective;
  private final int count;
  private final PCollectionView<List<TrialResult>> earlier;

  ProposeFn(
      SearchSpace space,
      Objective objective,
      int count,
      PCollectionView<List<TrialResult>> earlier) {
    this.space = space;
    this.objective = objective;
    this.count = count;
    this.earlier = earlier;
  }

  @ProcessElement
  public void process(ProcessContext c) {
    TpeProposals.propose(space, objective, c.sideInput(earlier), count, c.element())
        .forEach(c::output);
  }
}
