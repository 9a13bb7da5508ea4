package dev.tunebeam.transforms.search;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * One round of a proposing algorithm (TPE, a Gaussian process): reads every earlier round's results
 * (a side input, so the round waits for them) and emits its proposals. The proposer is the space's
 * algorithm's, made where the round runs: it is not serialized.
 */
final class ProposeFn extends DoFn<Integer, Trial> {
  private final SearchSpace space;
  private final Objectives objectives;
  private final int count;
  private final PCollectionView<List<TrialResult>> earlier;
  private final List<TrialResult> warm;

  /** {@code warm}: earlier studies' answers (a warm start), read as finished trials too. */
  ProposeFn(
      SearchSpace space,
      Objectives objectives,
      int count,
      PCollectionView<List<TrialResult>> earlier,
      List<TrialResult> warm) {
    this.space = space;
    this.objectives = objectives;
    this.count = count;
    this.earlier = earlier;
    this.warm = List.copyOf(warm);
  }

  @ProcessElement
  public void process(ProcessContext c) {
    Proposer proposer =
        SearchAlgorithms.of(space)
            .proposer(space)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "algorithm "
                            + space.algorithm().key()
                            + " plans rounds but proposes none"));
    List<TrialResult> finished = new java.util.ArrayList<>(warm);
    finished.addAll(c.sideInput(earlier));
    Proposals.propose(space, objectives, proposer, finished, count, c.element()).forEach(c::output);
  }
}
