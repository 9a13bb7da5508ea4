package dev.tunebeam.transforms.search;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A successive-halving run: its rungs, each keeping the top 1/eta of the one before. A TPE study is
 * one bracket of rounds.
 */
@Internal
public record Bracket(int index, List<Rung> rungs) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Bracket {
    rungs = List.copyOf(rungs);
  }

  public long modelEpochs() {
    return rungs.stream().mapToLong(Rung::modelEpochs).sum();
  }
}
